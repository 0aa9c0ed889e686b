package io.trafficlab.analyzer;

import io.trafficlab.engine.analysis.NodeAnalysis;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * One node's row in a Service's node table.
 *
 * @param name the node name
 * @param internalIp the node's InternalIP, or {@code null} when unknown
 * @param clusterEndpoints the Cluster set
 * @param localEndpoints the Local set
 * @param healthCheck the healthCheckNodePort answer, or {@code null} when the Service has
 * none
 * @param proxyHealthz kube-proxy's {@code /healthz}
 * @param lbPassing whether the cloud LB's health check passes
 * @param lbShare the share of new external connections the LB sends here
 * @param lbHealthy how the LB's probe judges this node, {@code null} when it does not
 * probe it
 */
record NodeRow(String name, @Nullable String internalIp, EndpointSetView clusterEndpoints,
		EndpointSetView localEndpoints, @Nullable HealthCheckView healthCheck, ProxyHealthView proxyHealthz,
		boolean lbPassing, Share lbShare, @Nullable Boolean lbHealthy) {

	static NodeRow of(NodeAnalysis analysis, @Nullable Node node, Service service) {
		String internalIp = (node != null) ? node.internalIp() : null;
		var response = analysis.healthCheck();
		HealthCheckView healthCheck = (response != null) ? HealthCheckView.of(response,
				(internalIp != null) ? internalIp : analysis.name(), service.healthCheckNodePort()) : null;
		return new NodeRow(analysis.name(), internalIp, EndpointSetView.of(analysis.clusterEndpoints()),
				EndpointSetView.of(analysis.localEndpoints()), healthCheck, ProxyHealthView.of(analysis.proxyHealthz()),
				analysis.lbPassing(), Share.of(analysis.lbShare()), analysis.lbHealthy());
	}

	/** The {@code lbHealthy} cell: passes, fails or not probed. */
	public String lbHealthyText() {
		if (this.lbHealthy == null) {
			return "not probed";
		}
		return this.lbHealthy ? "passes" : "fails";
	}

}
