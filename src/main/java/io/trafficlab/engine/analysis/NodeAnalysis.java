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
 * @param proxyHealthz kube-proxy's {@code /healthz} (R19)
 * @param proxyLivez kube-proxy's {@code /livez} (R19)
 * @param lbPassing whether the cloud LB's health check passes on this node (R20)
 * @param lbShare the share of new external connections the cloud LB sends to this node
 */
public record NodeAnalysis(String name, @Nullable List<String> clusterEndpoints, @Nullable List<String> localEndpoints,
		@Nullable HealthCheckResponse healthCheck, ProxyHealth proxyHealthz, ProxyHealth proxyLivez, boolean lbPassing,
		Fraction lbShare) {

}
