package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.proxy.Decision;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.PacketFacts;
import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.proxy.Route;
import io.trafficlab.engine.proxy.Verdict;
import io.trafficlab.engine.simulation.SimulationEvent.ProxyRulesSynced;
import org.jspecify.annotations.Nullable;

/**
 * kube-proxy on every node. A change to the Service or its endpoints reaches each node's
 * rules only when that node syncs, {@code proxySyncDelayMicros} later (one pending sync
 * per node takes in every change made before it runs). A sync categorizes the endpoints
 * for the node ({@link ServiceEndpoints}, R2–R7) and asks {@link ProxyRules} what each
 * client's new connection gets (R8–R10, R13): the same code the analyzer and the packet
 * tracer use.
 */
final class KubeProxy {

	private final Core core;

	private long generation;

	private long rulesVersion = -1;

	private @Nullable ProxyRules rules;

	KubeProxy(Core core) {
		this.core = core;
	}

	/** At start every node is in sync with the cluster. */
	void syncAllNow() {
		for (SimNode node : this.core.world.nodesByName.values()) {
			node.rules = compile(node);
		}
	}

	/** Schedules a sync on every node that has none pending. */
	void scheduleSyncs() {
		long delay = this.core.settings.proxySyncDelayMicros();
		for (SimNode node : this.core.world.nodesByName.values()) {
			scheduleSync(node, delay);
		}
	}

	void scheduleSync(SimNode node, long delay) {
		if (!node.syncPending) {
			node.syncPending = true;
			this.core.loop.scheduleIn(delay, Core.PROXY_SYNC, node.id);
		}
	}

	void sync(int nodeId) {
		SimNode node = this.core.world.nodes.get(nodeId);
		node.syncPending = false;
		if (!node.inCluster || node.killed) {
			return;
		}
		NodeRules compiled = compile(node);
		node.rules = compiled;
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new ProxyRulesSynced(this.core.now(), node.name, compiled.clusterEndpoints,
					compiled.localEndpoints));
		}
	}

	private NodeRules compile(SimNode node) {
		World world = this.core.world;
		Service service = world.service();
		ServiceEndpoints endpoints = world.endpoints();
		CategorizedEndpoints sets = endpoints.categorize(node.name, node.model.zone());
		DestinationKind destination = this.core.entry().destination();
		int clients = this.core.clients;
		NodeRoute[] routes = new NodeRoute[clients];
		Map<Route, NodeRoute> shared = new HashMap<>();
		for (int client = 0; client < clients; client++) {
			if (destination == null) {
				routes[client] = new NodeRoute(Verdict.DROP, Decision.DROP_NO_LOCAL_EXTERNAL, new int[0], false, false,
						null);
				continue;
			}
			PacketFacts facts = PacketFacts.externalClient(destination, this.core.clientIps.get(client));
			Route route = proxyRules(service).route(sets, node.model, facts);
			routes[client] = shared.computeIfAbsent(route, (key) -> resolve(key, sets));
		}
		return new NodeRules(++this.generation, this.core.now(), service, world.cluster(), routes,
				endpoints.localReadyIpCount(node.name), ips(sets.cluster()), ips(sets.local()));
	}

	private ProxyRules proxyRules(Service service) {
		if (this.rules == null || this.rulesVersion != this.core.world.version()) {
			this.rules = ProxyRules.of(service);
			this.rulesVersion = this.core.world.version();
		}
		return this.rules;
	}

	private NodeRoute resolve(Route route, CategorizedEndpoints sets) {
		EndpointSet set = route.endpoints();
		List<Integer> slots = new ArrayList<>();
		if (set != null) {
			for (int i = 0; i < set.size(); i++) {
				Endpoint endpoint = set.get(i);
				SimPod pod = (endpoint.podName() != null)
						? this.core.world.pod(this.core.world.followed.namespace(), endpoint.podName()) : null;
				if (pod != null) {
					slots.add(pod.slot);
				}
			}
		}
		int[] pods = slots.stream().mapToInt(Integer::intValue).toArray();
		boolean local = route.decision() == Decision.EXTERNAL_LOCAL;
		boolean fallback = local ? sets.localUsesTerminating() : sets.clusterUsesTerminating();
		return new NodeRoute(route.verdict(), route.decision(), pods, route.masquerade(), fallback,
				local ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER);
	}

	private static @Nullable List<String> ips(@Nullable EndpointSet set) {
		return (set != null) ? List.copyOf(set.sortedIps()) : null;
	}

}
