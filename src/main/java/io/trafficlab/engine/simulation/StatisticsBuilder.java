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
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealthServer;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import io.trafficlab.engine.simulation.SimulationStatistics.Fairness;
import io.trafficlab.engine.simulation.SimulationStatistics.HealthCheckRow;
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

	private @Nullable ServiceAnalysis exact;

	StatisticsBuilder(Core core) {
		this.core = core;
	}

	/**
	 * The exact analysis of the followed Service, recomputed only when the cluster or the
	 * LB model changed.
	 */
	ServiceAnalysis exact() {
		World world = this.core.world;
		LoadBalancerModel model = this.core.loadBalancerModel();
		ServiceAnalysis result = this.exact;
		if (result == null || this.analyzedVersion != world.version() || this.analyzedModel != model) {
			ClusterAnalysis analysis = new ClusterAnalyzer().analyze(world.cluster(),
					new AnalysisOptions(model, this.core.clientIps.get(0), null));
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
				nodes(exact, traffic.connections), drops, rejects, healthChecks(), exactFairness(pods),
				observedFairness(pods));
	}

	private List<PodStatistics> pods(ServiceAnalysis exact, long connections) {
		Map<String, EndpointAnalysis> byPod = new HashMap<>();
		for (EndpointAnalysis endpoint : exact.endpoints()) {
			if (endpoint.endpoint().podName() != null) {
				byPod.put(endpoint.endpoint().podName(), endpoint);
			}
		}
		List<PodStatistics> result = new ArrayList<>();
		for (SimPod pod : this.core.world.podsByName.values()) {
			if (!pod.backsService) {
				continue;
			}
			EndpointAnalysis endpoint = byPod.get(pod.name);
			result.add(new PodStatistics(pod.name, (pod.node != null) ? pod.node.name : null, pod.ip,
					(endpoint != null) ? endpoint.externalShare() : Fraction.ZERO, share(pod.connections, connections),
					pod.connections, (endpoint != null) ? exactSources(endpoint.sourcesSeen()) : Map.of(),
					sources(pod)));
		}
		return result;
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

	private Map<String, Long> sources(SimPod pod) {
		Map<String, Long> seen = new LinkedHashMap<>();
		int clients = this.core.clients;
		for (int slot = 0; slot < pod.sources.length; slot++) {
			long count = pod.sources[slot];
			if (count == 0) {
				continue;
			}
			String address;
			if (slot < clients) {
				address = this.core.clientIps.get(slot);
			}
			else {
				SimNode node = this.core.world.nodes.get((slot - clients) / 2);
				address = ((slot - clients) % 2 == 0) ? node.model.bridgeIp() : node.model.internalIp();
			}
			seen.merge(address, count, Long::sum);
		}
		return seen;
	}

	private List<NodeStatistics> nodes(ServiceAnalysis exact, long connections) {
		Map<String, Fraction> lbShares = new HashMap<>();
		for (NodeAnalysis node : exact.nodes()) {
			lbShares.put(node.name(), node.lbShare());
		}
		List<NodeStatistics> result = new ArrayList<>();
		for (SimNode node : SnapshotBuilder.shownNodes(this.core)) {
			result.add(new NodeStatistics(node.name, lbShares.getOrDefault(node.name, Fraction.ZERO),
					share(node.entered, connections), node.entered, node.served, node.dropped, node.rejected));
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
			rows.add(new HealthCheckRow(node.name, response, ProxyHealthServer.healthz(node.model)));
		}
		return rows;
	}

	private Fairness exactFairness(List<PodStatistics> pods) {
		List<String> names = new ArrayList<>();
		List<Double> shares = new ArrayList<>();
		for (PodStatistics pod : pods) {
			if (serving(pod.pod())) {
				names.add(pod.pod());
				shares.add(pod.exactShare().toDouble());
			}
		}
		return fairness(names, shares);
	}

	private Fairness observedFairness(List<PodStatistics> pods) {
		List<String> names = new ArrayList<>();
		List<Double> shares = new ArrayList<>();
		for (PodStatistics pod : pods) {
			if (serving(pod.pod())) {
				names.add(pod.pod());
				shares.add(pod.observedShare());
			}
		}
		return fairness(names, shares);
	}

	/**
	 * Fairness counts the pods that can serve: Ready, or terminating after having been
	 * Ready (R4).
	 */
	private boolean serving(String podName) {
		SimPod pod = this.core.world.pod(this.core.world.followed.namespace(), podName);
		return pod != null && (pod.status == PodStatus.READY || (pod.status == PodStatus.TERMINATING && pod.wasReady));
	}

	private static Fairness fairness(List<String> names, List<Double> shares) {
		if (names.isEmpty()) {
			return new Fairness(null, 0, 0, 0, null);
		}
		int busiest = 0;
		double min = Double.MAX_VALUE;
		for (int i = 0; i < shares.size(); i++) {
			if (shares.get(i) > shares.get(busiest)) {
				busiest = i;
			}
			min = Math.min(min, shares.get(i));
		}
		double max = shares.get(busiest);
		return new Fairness(names.get(busiest), max, max, min, (min > 0) ? max / min : null);
	}

	private static double share(long count, long total) {
		return (total == 0) ? 0 : (double) count / total;
	}

}
