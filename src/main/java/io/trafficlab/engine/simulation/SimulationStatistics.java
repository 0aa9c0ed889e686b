package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealth;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.proxy.SourceAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Simulation} has observed beside what it should observe. The exact shares
 * are {@code ClusterAnalyzer}'s on {@link Simulation#cluster()} with the LB model and the
 * first client, exactly what {@code /api/v1/analyze} reports (the steady state of the
 * cluster as it is now). The observed counters cover the connections since
 * {@code countingSince}: the start, the last command, or
 * {@link Simulation#resetStatistics()}. So after a command they include the transition
 * (the LB's lag, kube-proxy's sync delay, pods starting and draining), and they converge
 * to the exact shares as the window grows once every actor has caught up.
 *
 * @param now the simulated time
 * @param countingSince when the observed counters were last restarted
 * @param connections connections counted since {@code countingSince}
 * @param routed of those, how many reached a pod
 * @param dropped of those, how many were dropped
 * @param rejected of those, how many were refused
 * @param resets connections cut since {@code countingSince}
 * @param totalConnections connections since the start
 * @param exact the exact analysis of the Service (per endpoint share and sources seen,
 * per node LB share, dropped and rejected shares)
 * @param pods per pod, exact beside observed
 * @param nodes per node, exact beside observed
 * @param dropReasons drops counted by reason
 * @param rejectReasons rejects counted by reason
 * @param healthChecks per node, the literal health-check answers right now
 * @param exactFairness how evenly the exact shares spread over the pods that can serve
 * (R4)
 * @param observedFairness how evenly the observed connections spread over the same pods
 * @param announcingNode MetalLB L2: the node that answers ARP for the LB IP now;
 * {@code null} for another load balancer or when no node announces
 * @param advertisingNodes MetalLB BGP: the nodes the router has a route through now (a
 * killed node's until the BGP hold time ends); empty for another load balancer
 */
public record SimulationStatistics(long now, long countingSince, long connections, long routed, long dropped,
		long rejected, long resets, long totalConnections, ServiceAnalysis exact, List<PodStatistics> pods,
		List<NodeStatistics> nodes, Map<String, Long> dropReasons, Map<String, Long> rejectReasons,
		List<HealthCheckRow> healthChecks, ExactFairness exactFairness, Fairness observedFairness,
		@Nullable String announcingNode, List<String> advertisingNodes) {

	public SimulationStatistics {
		advertisingNodes = List.copyOf(advertisingNodes);
		pods = List.copyOf(pods);
		nodes = List.copyOf(nodes);
		dropReasons = Map.copyOf(dropReasons);
		rejectReasons = Map.copyOf(rejectReasons);
		healthChecks = List.copyOf(healthChecks);
	}

	/**
	 * One pod.
	 *
	 * @param pod the pod name
	 * @param node its node, or {@code null} while pending
	 * @param ip its address, or {@code null} while pending
	 * @param exactShare its exact share of new external connections
	 * ({@link Fraction#ZERO} when it is no endpoint)
	 * @param observedShare its observed share of the connections counted
	 * @param connections connections it received since {@code countingSince}
	 * @param exactSourcesSeen each source address it sees and that source's exact share
	 * (for the first client)
	 * @param sourcesSeen each source address it saw and how many connections came from it
	 * (all clients)
	 * @param sources every address of {@code exactSourcesSeen} and {@code sourcesSeen},
	 * in that order, with whose it is (a client's, or a node's after SNAT: R15)
	 * @param lbTarget the load balancer's verdict on it as an ip target
	 * ({@link PodTargetGroup}); {@code null} when the load balancer does not target it:
	 * it targets nodes, or has not registered the pod, or the pod has drained out of the
	 * target group
	 */
	public record PodStatistics(String pod, @Nullable String node, @Nullable String ip, Fraction exactShare,
			double observedShare, long connections, Map<String, Fraction> exactSourcesSeen,
			Map<String, Long> sourcesSeen, List<SourceAddress> sources, @Nullable TargetState lbTarget) {

		public PodStatistics {
			sources = List.copyOf(sources);
		}

	}

	/**
	 * One node.
	 *
	 * @param node the node name
	 * @param exactLbShare the exact share of new connections the cloud LB sends to it
	 * once its checks have settled (the analyzer's)
	 * @param lbShareNow the exact share it sends to it now, from its current verdicts (or
	 * announcement, routes, pod targets): different from {@code exactLbShare} while its
	 * checks lag a change
	 * @param observedLbShare the observed share the LB sent to it
	 * @param entered connections the LB sent to it since {@code countingSince}
	 * @param served connections its pods received
	 * @param dropped connections dropped on it
	 * @param rejected connections refused by it
	 */
	public record NodeStatistics(String node, Fraction exactLbShare, Fraction lbShareNow, double observedLbShare,
			long entered, long served, long dropped, long rejected) {
	}

	/**
	 * One node's health-check answers right now.
	 *
	 * @param node the node name
	 * @param healthCheck the healthCheckNodePort answer (R16–R18), {@code null} when the
	 * Service has none
	 * @param proxyHealthz kube-proxy's {@code /healthz} (R19)
	 * @param lbProbe what the load balancer probes on this node now, {@code null} when
	 * nothing probes it (no cloud LB, or MetalLB, which announces instead)
	 */
	public record HealthCheckRow(String node, @Nullable HealthCheckResponse healthCheck, ProxyHealth proxyHealthz,
			@Nullable LbProbe lbProbe) {
	}

	/**
	 * The load balancer's probe of one node as it stands.
	 *
	 * @param target the address (and path) it probes
	 * @param status the HTTP status an HTTP probe gets now; {@code 0} for a TCP probe,
	 * whose outcome depends on the endpoint each probe is DNATed to and comes with the
	 * probe events, and when nothing answers
	 */
	public record LbProbe(String target, int status) {
	}

	/**
	 * How evenly the exact shares spread over the Service's pods that can serve, as exact
	 * fractions.
	 *
	 * @param busiestPod the pod with the largest share (the first in {@code pods} order
	 * on a tie), or {@code null} when no pod receives external traffic
	 * @param busiestShare its share
	 * @param maxShare the largest pod share
	 * @param minShare the smallest pod share
	 * @param maxOverMin {@code maxShare / minShare}, or {@code null} when
	 * {@code minShare} is 0
	 */
	public record ExactFairness(@Nullable String busiestPod, Fraction busiestShare, Fraction maxShare,
			Fraction minShare, @Nullable Fraction maxOverMin) {
	}

	/**
	 * How evenly observed connections spread over the Service's pods that can serve.
	 *
	 * @param busiestPod the pod with the largest share, or {@code null} when there is
	 * none
	 * @param busiestShare its share (0 to 1)
	 * @param maxShare the largest pod share
	 * @param minShare the smallest pod share
	 * @param maxOverMin {@code maxShare / minShare}, or {@code null} when
	 * {@code minShare} is 0
	 */
	public record Fairness(@Nullable String busiestPod, double busiestShare, double maxShare, double minShare,
			@Nullable Double maxOverMin) {
	}

}
