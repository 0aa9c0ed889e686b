package io.trafficlab.engine.balancer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealth;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * The cloud load balancer in front of a Service's nodes (R20): which nodes pass its probe
 * and what share of new connections each node gets.
 * <ul>
 * <li>Probe: with {@code externalTrafficPolicy: Local} the LB probes the Service's
 * {@code healthCheckNodePort}, so only nodes with a Ready local endpoint (and a healthy
 * kube-proxy) pass; with {@code Cluster} it probes kube-proxy's {@code :10256/healthz},
 * so every healthy, eligible node passes. (A Local Service without a health-check port,
 * which the API server never stores, is probed like a Cluster one.)</li>
 * <li>{@link LoadBalancerModel#EVEN}: equal shares over passing nodes.</li>
 * <li>{@link LoadBalancerModel#WEIGHTED}: shares in proportion to
 * {@code X-Load-Balancing-Endpoint-Weight}. Under {@code Cluster} the probed
 * {@code /healthz} carries no weight header, so weighted degrades to even over the
 * passing nodes (likewise if any passing node sends no weight, or all weights are
 * 0).</li>
 * <li>Fail open: when no node passes, both models spread evenly over <em>all</em> nodes,
 * as AWS's Network Load Balancer and Google Cloud's passthrough load balancers do.</li>
 * <li>NodePort Services and ClusterIP Services with {@code externalIPs} have no cloud LB
 * and no probe: clients are modelled as spreading evenly over all nodes (every node
 * counts as passing).</li>
 * <li>A plain ClusterIP Service gets no external traffic: every share is 0 and no node
 * passes.</li>
 * </ul>
 */
public final class CloudLoadBalancer {

	private final LoadBalancerModel model;

	public CloudLoadBalancer(LoadBalancerModel model) {
		this.model = model;
	}

	/**
	 * What the LB's probe finds on one node.
	 * @param serviceHealthCheck the node's {@code healthCheckNodePort} answer,
	 * {@code null} when the Service has none
	 * @param proxyHealthz the node's kube-proxy {@code /healthz}
	 */
	public static NodeProbe probe(Service service, @Nullable HealthCheckResponse serviceHealthCheck,
			ProxyHealth proxyHealthz) {
		return switch (ExternalEntry.of(service)) {
			case NONE -> NodeProbe.of(false);
			case CLIENTS_TO_ALL_NODES -> NodeProbe.of(true);
			case CLOUD_LOAD_BALANCER -> (service.externalPolicyLocal() && serviceHealthCheck != null)
					? probeOf(serviceHealthCheck) : NodeProbe.of(proxyHealthz.status() == 200);
		};
	}

	private static NodeProbe probeOf(HealthCheckResponse response) {
		Integer weight = weight(response);
		return (weight != null) ? new NodeProbe(response.status() == 200, weight)
				: NodeProbe.of(response.status() == 200);
	}

	private static @Nullable Integer weight(HealthCheckResponse response) {
		String value = response.headers().get(ServiceHealthCheck.WEIGHT_HEADER);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Whether no node passes, so that the LB fails open over all nodes. */
	public static boolean failsOpen(Service service, List<NodeProbe> probes) {
		if (ExternalEntry.of(service) != ExternalEntry.CLOUD_LOAD_BALANCER || probes.isEmpty()) {
			return false;
		}
		for (NodeProbe probe : probes) {
			if (probe.passing()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Each node's share of new external connections, in the order of {@code probes}; they
	 * sum to 1 (or all 0).
	 */
	public List<Fraction> shares(Service service, List<NodeProbe> probes) {
		int nodes = probes.size();
		ExternalEntry entry = ExternalEntry.of(service);
		if (entry == ExternalEntry.NONE || nodes == 0) {
			return Collections.nCopies(nodes, Fraction.ZERO);
		}
		if (entry == ExternalEntry.CLIENTS_TO_ALL_NODES || failsOpen(service, probes)) {
			return Collections.nCopies(nodes, Fraction.oneOver(nodes));
		}
		long totalWeight = 0;
		int passing = 0;
		boolean everyPassingNodeHasWeight = true;
		for (NodeProbe probe : probes) {
			if (probe.passing()) {
				passing++;
				Integer weight = probe.weight();
				everyPassingNodeHasWeight &= weight != null && weight >= 0;
				totalWeight += (weight != null && weight > 0) ? weight : 0;
			}
		}
		boolean weighted = this.model == LoadBalancerModel.WEIGHTED && everyPassingNodeHasWeight && totalWeight > 0;
		return weighted ? weightedShares(probes, totalWeight) : evenShares(probes, passing);
	}

	private static List<Fraction> evenShares(List<NodeProbe> probes, int passing) {
		Fraction share = Fraction.oneOver(passing);
		List<Fraction> shares = new ArrayList<>(probes.size());
		for (NodeProbe probe : probes) {
			shares.add(probe.passing() ? share : Fraction.ZERO);
		}
		return Collections.unmodifiableList(shares);
	}

	private static List<Fraction> weightedShares(List<NodeProbe> probes, long totalWeight) {
		Map<Integer, Fraction> byWeight = new HashMap<>();
		List<Fraction> shares = new ArrayList<>(probes.size());
		for (NodeProbe probe : probes) {
			Integer weight = probe.weight();
			if (!probe.passing() || weight == null || weight <= 0) {
				shares.add(Fraction.ZERO);
			}
			else {
				shares.add(byWeight.computeIfAbsent(weight, (w) -> Fraction.of(w, totalWeight)));
			}
		}
		return Collections.unmodifiableList(shares);
	}

}
