package io.trafficlab.api;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.analysis.NodeAnalysis;
import io.trafficlab.engine.model.Node;
import org.jspecify.annotations.Nullable;

/**
 * One node's view of one Service. {@code internalIP}, {@code lbPassing} and
 * {@code lbSharePercent} are additions to the contract.
 *
 * @param name the node name
 * @param internalIP the node's InternalIP
 * @param clusterEndpoints the Cluster set, sorted; {@code null} when the node does not
 * use it
 * @param localEndpoints the Local set, sorted; {@code null} when the node does not use it
 * @param healthCheck the healthCheckNodePort answer; {@code null} when the Service has
 * none
 * @param proxyHealthz kube-proxy's {@code :10256/healthz}; {@code null} under Cilium
 * @param proxyLivez kube-proxy's {@code :10256/livez}; {@code null} under Cilium
 * @param lbPassing whether the cloud LB's health check passes on this node
 * @param lbShare the share of new external connections the LB sends here, exact
 * @param lbSharePercent the same as a percentage
 * @param lbHealthy how the LB's probe judges this node; {@code null} where the LB does
 * not probe nodes
 */
record NodeJson(String name, @Nullable String internalIP, @Nullable List<String> clusterEndpoints,
		@Nullable List<String> localEndpoints, @Nullable HealthCheckJson healthCheck,
		@Nullable ProxyHealthzJson proxyHealthz, @Nullable ProxyLivezJson proxyLivez, boolean lbPassing, String lbShare,
		double lbSharePercent, @Nullable Boolean lbHealthy) {

	static NodeJson of(NodeAnalysis node, Map<String, Node> nodes) {
		Node clusterNode = nodes.get(node.name());
		var healthCheck = node.healthCheck();
		return new NodeJson(node.name(), (clusterNode != null) ? clusterNode.internalIp() : null,
				node.clusterEndpoints(), node.localEndpoints(),
				(healthCheck != null) ? HealthCheckJson.of(healthCheck) : null,
				(node.proxyHealthz() != null) ? ProxyHealthzJson.of(node.proxyHealthz()) : null,
				(node.proxyLivez() != null) ? ProxyLivezJson.of(node.proxyLivez()) : null, node.lbPassing(),
				node.lbShare().toString(), Percent.of(node.lbShare()), node.lbHealthy());
	}

}
