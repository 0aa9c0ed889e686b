package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalysis;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.analysis.EndpointAnalysis;
import io.trafficlab.engine.analysis.NodeAnalysis;
import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealthServer;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.proxy.SourceAddress;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import io.trafficlab.engine.simulation.SimulationStatistics.HealthCheckRow;
import io.trafficlab.engine.simulation.SimulationStatistics.LbProbe;
import io.trafficlab.engine.simulation.SimulationStatistics.NodeStatistics;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.jspecify.annotations.Nullable;

/**
 * Puts the exact shares ({@link ClusterAnalyzer} on the simulation's cluster, with the LB
 * model, computed once per cluster version; the client's source share split evenly over
 * the simulation's clients) beside the observed counters.
 */
final class StatisticsBuilder {

	private final Core core;

	private long analyzedVersion = -1;

	private @Nullable LoadBalancerModel analyzedModel;

	private @Nullable LoadBalancerKind analyzedKind;

	private @Nullable Dataplane analyzedDataplane;

	private @Nullable NetworkModel analyzedNetwork;

	private @Nullable ServiceAnalysis exact;

	StatisticsBuilder(Core core) {
		this.core = core;
	}

	/**
	 * The catalogue's model of the sandbox's LB, the chosen kind (cross-zone as the
	 * Service's annotations set it, as the live LB reads it too). The weighted what-if of
	 * an AWS NLB with instance targets has no AWS counterpart: it is {@code generic}'s
	 * R20 spreading.
	 */
	private static LoadBalancerKind exactKind(LoadBalancerKind kind, LoadBalancerModel model) {
		return (kind == LoadBalancerKind.AWS_NLB_INSTANCE && model == LoadBalancerModel.WEIGHTED)
				? LoadBalancerKind.GENERIC : kind;
	}

	/**
	 * The exact analysis of the followed Service, recomputed only when the cluster, the
	 * LB model, the load balancer or the dataplane changed.
	 */
	ServiceAnalysis exact() {
		World world = this.core.world;
		LoadBalancerModel model = this.core.loadBalancerModel();
		LoadBalancerKind kind = this.core.settings.kind();
		Dataplane dataplane = this.core.settings.dataplane();
		NetworkModel network = this.core.settings.network();
		ServiceAnalysis result = this.exact;
		if (result == null || this.analyzedVersion != world.version() || this.analyzedModel != model
				|| this.analyzedKind != kind || this.analyzedDataplane != dataplane
				|| this.analyzedNetwork != network) {
			ClusterAnalysis analysis = new ClusterAnalyzer().analyze(world.cluster(),
					new AnalysisOptions(model, this.core.clientIps.get(0), null).with(exactKind(kind, model), dataplane)
						.withNetwork(network));
			for (ServiceAnalysis service : analysis.services()) {
				if (service.service().ref().equals(world.followed)) {
					result = service;
				}
			}
			if (result == null) {
				throw new IllegalStateException("The analyzer has no Service " + world.followed);
			}
			this.exact = result;
			this.analyzedVersion = world.version();
			this.analyzedModel = model;
			this.analyzedKind = kind;
			this.analyzedDataplane = dataplane;
			this.analyzedNetwork = network;
		}
		return result;
	}

	SimulationStatistics build() {
		ServiceAnalysis exact = exact();
		Traffic traffic = this.core.traffic;
		List<PodStatistics> pods = pods(exact, traffic.connections);
		Map<String, Long> drops = new LinkedHashMap<>();
		Map<String, Long> rejects = new LinkedHashMap<>();
		traffic.countReasons(false, drops);
		traffic.countReasons(true, rejects);
		return new SimulationStatistics(this.core.now(), traffic.windowStart, traffic.connections, traffic.routed,
				traffic.dropped, traffic.rejected, traffic.resets, traffic.totalConnections, exact, pods,
				nodes(exact, traffic.connections), drops, rejects, healthChecks(),
				PodFairness.exact(pods, this::serving), PodFairness.observed(pods, this::serving),
				this.core.balancer.announcingNode(), this.core.balancer.advertisingNodes());
	}

	private List<PodStatistics> pods(ServiceAnalysis exact, long connections) {
		Map<String, EndpointAnalysis> byPod = new HashMap<>();
		for (EndpointAnalysis endpoint : exact.endpoints()) {
			if (endpoint.endpoint().podName() != null) {
				byPod.put(endpoint.endpoint().podName(), endpoint);
			}
		}
		Map<String, SourceAddress> known = knownSources();
		List<PodStatistics> result = new ArrayList<>();
		for (SimPod pod : this.core.world.podsByName.values()) {
			if (!pod.backsService) {
				continue;
			}
			EndpointAnalysis endpoint = byPod.get(pod.name);
			Map<String, Fraction> exactSources = (endpoint != null) ? exactSources(endpoint.sourcesSeen()) : Map.of();
			Map<String, SourceAddress> whose = new LinkedHashMap<>();
			for (String address : exactSources.keySet()) {
				whose.put(address, known.getOrDefault(address, SourceAddress.other(address)));
			}
			Map<String, Long> observedSources = observedSources(pod, whose);
			result.add(new PodStatistics(pod.name, (pod.node != null) ? pod.node.name : null, pod.ip,
					(endpoint != null) ? endpoint.externalShare() : Fraction.ZERO, share(pod.connections, connections),
					pod.connections, exactSources, observedSources, List.copyOf(whose.values()),
					this.core.podTargets.verdict(pod)));
		}
		return result;
	}

	/**
	 * Every address a pod can see, with whose it is, to name the exact analysis' sources:
	 * each client's, then each node's SNAT addresses under the network model (the nodes
	 * in the cluster before removed ones, should an address have been reused).
	 */
	private Map<String, SourceAddress> knownSources() {
		Map<String, SourceAddress> known = new HashMap<>();
		for (String client : this.core.clientIps) {
			known.putIfAbsent(client, SourceAddress.client(client));
		}
		List<SimNode> nodes = new ArrayList<>(this.core.world.nodesByName.values());
		for (SimNode node : this.core.world.nodes) {
			if (!nodes.contains(node)) {
				nodes.add(node);
			}
		}
		for (SimNode node : nodes) {
			SourceAddress toOwnPods = ProxyRules.masquerade(node.model, true, this.core.settings.network());
			SourceAddress toOtherNodes = ProxyRules.masquerade(node.model, false, this.core.settings.network());
			known.putIfAbsent(toOwnPods.address(), toOwnPods);
			known.putIfAbsent(toOtherNodes.address(), toOtherNodes);
		}
		return known;
	}

	/**
	 * The analyzer follows one client; the simulation's clients each open an equal share
	 * of the connections (a client is drawn uniformly per connection), so the client's
	 * share is split evenly over every client address.
	 */
	private Map<String, Fraction> exactSources(Map<String, Fraction> analyzed) {
		String analyzedClient = this.core.clientIps.get(0);
		Fraction clientShare = analyzed.get(analyzedClient);
		if (clientShare == null || this.core.clients == 1) {
			return analyzed;
		}
		Map<String, Fraction> sources = new LinkedHashMap<>();
		Fraction perClient = clientShare.dividedBy(this.core.clients);
		for (String client : this.core.clientIps) {
			sources.put(client, perClient);
		}
		analyzed.forEach((address, share) -> {
			if (!address.equals(analyzedClient)) {
				sources.put(address, share);
			}
		});
		return sources;
	}

	/**
	 * The sources the pod saw and how many connections came from each; adds each address
	 * to {@code whose}.
	 */
	private Map<String, Long> observedSources(SimPod pod, Map<String, SourceAddress> whose) {
		Map<String, Long> seen = new LinkedHashMap<>();
		for (int slot = 0; slot < pod.sources.length; slot++) {
			long count = pod.sources[slot];
			if (count == 0) {
				continue;
			}
			SourceAddress source = SourceSlots.address(this.core, slot);
			seen.merge(source.address(), count, Long::sum);
			whose.putIfAbsent(source.address(), source);
		}
		return seen;
	}

	private List<NodeStatistics> nodes(ServiceAnalysis exact, long connections) {
		Map<String, Fraction> lbShares = new HashMap<>();
		for (NodeAnalysis node : exact.nodes()) {
			lbShares.put(node.name(), node.lbShare());
		}
		Map<String, Fraction> sharesNow = this.core.balancer.sharesNow();
		List<NodeStatistics> result = new ArrayList<>();
		for (SimNode node : SnapshotBuilder.shownNodes(this.core)) {
			result.add(new NodeStatistics(node.name, lbShares.getOrDefault(node.name, Fraction.ZERO),
					sharesNow.getOrDefault(node.name, Fraction.ZERO), share(node.entered, connections), node.entered,
					node.served, node.dropped, node.rejected));
		}
		return result;
	}

	/**
	 * Per node, the health-check answers kube-proxy gives right now (from its last sync:
	 * R16–R19).
	 */
	private List<HealthCheckRow> healthChecks() {
		Service service = this.core.service();
		List<HealthCheckRow> rows = new ArrayList<>();
		for (SimNode node : this.core.world.nodesByName.values()) {
			NodeRules rules = node.rules;
			HealthCheckResponse response = ServiceHealthCheck.respond(service, node.model,
					(rules != null) ? rules.localReadyEndpoints : 0);
			rows.add(new HealthCheckRow(node.name, response, ProxyHealthServer.healthz(node.model), lbProbe(node)));
		}
		return rows;
	}

	private @Nullable LbProbe lbProbe(SimNode node) {
		if (!this.core.balancer.probesNodes()) {
			return null;
		}
		ProbeAnswers.ProbeResult probe = this.core.balancer.answer(node);
		return new LbProbe(probe.target(), probe.status());
	}

	/**
	 * Whether the pod can serve: Ready, or terminating after having been Ready until its
	 * app exits (R4).
	 */
	private boolean serving(String podName) {
		SimPod pod = this.core.world.pod(this.core.world.followed.namespace(), podName);
		return pod != null && pod.serving();
	}

	private static double share(long count, long total) {
		return (total == 0) ? 0 : (double) count / total;
	}

}
