package io.trafficlab.engine.analysis;

import java.util.List;

import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealth;
import io.trafficlab.engine.model.Fraction;
import org.jspecify.annotations.Nullable;

/**
 * One node's view of one Service.
 *
 * @param name the node name
 * @param clusterEndpoints the Cluster set's IPs, sorted; {@code null} when the node does
 * not use it (R2)
 * @param localEndpoints the Local set's IPs, sorted; {@code null} when the node does not
 * use it (R2)
 * @param healthCheck the healthCheckNodePort answer, {@code null} when the Service has
 * none (R16–R18)
 * @param proxyHealthz kube-proxy's {@code /healthz} (R19); {@code null} under Cilium,
 * where nothing listens on {@code :10256} by default
 * @param proxyLivez kube-proxy's {@code /livez} (R19); {@code null} under Cilium
 * @param lbPassing whether the LB's health check passes on this node (R20); for an LB
 * that does not probe nodes, whether it sends to this node
 * @param lbShare the share of new external connections the LB delivers to this node (to
 * its own address, or to its pods with ip targets)
 * @param lbHealthy how the LB's probe judges this node; {@code null} where the LB does
 * not probe nodes (MetalLB, ip targets, a node it does not register, a Service without a
 * load balancer)
 */
public record NodeAnalysis(String name, @Nullable List<String> clusterEndpoints, @Nullable List<String> localEndpoints,
		@Nullable HealthCheckResponse healthCheck, @Nullable ProxyHealth proxyHealthz, @Nullable ProxyHealth proxyLivez,
		boolean lbPassing, Fraction lbShare, @Nullable Boolean lbHealthy) {

}
