package io.trafficlab.analyzer;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Everything the page shows about one Service.
 *
 * @param ref {@code namespace/name}
 * @param type the Service type as the API spells it
 * @param externalTrafficPolicy {@code Cluster} or {@code Local}, {@code null} when not
 * externally accessible
 * @param internalTrafficPolicy {@code Cluster} or {@code Local}
 * @param clusterIp the ClusterIP
 * @param nodePort the first port's node port, {@code null} when none
 * @param loadBalancerIps the LB ingress IPs
 * @param externalIps {@code spec.externalIPs}
 * @param healthCheckNodePort the health-check node port, {@code null} when none
 * @param hasAnyEndpoints whether any endpoint anywhere is usable
 * @param explanation what the policy means for external traffic, in a sentence or two
 * @param nodes the node rows (at most {@value AnalysisView#MAX_NODES})
 * @param endpoints the endpoint rows (at most {@value #MAX_ENDPOINTS})
 * @param totalEndpoints how many endpoints the Service has
 * @param dropped the share of new external connections that are dropped
 * @param rejected the share of new external connections that are rejected
 * @param loadBalancer the load balancer in front of a LoadBalancer Service, {@code null}
 * for the other types
 */
record ServiceView(String ref, String type, @Nullable String externalTrafficPolicy, String internalTrafficPolicy,
		String clusterIp, @Nullable Integer nodePort, List<String> loadBalancerIps, List<String> externalIps,
		@Nullable Integer healthCheckNodePort, boolean hasAnyEndpoints, String explanation, List<NodeRow> nodes,
		List<EndpointRow> endpoints, int totalEndpoints, Share dropped, Share rejected,
		@Nullable LoadBalancerView loadBalancer) {

	static final int MAX_ENDPOINTS = 200;

	static ServiceView of(ServiceAnalysis analysis, Map<String, Node> nodesByName) {
		Service service = analysis.service();
		TrafficPolicy externalPolicy = service.externallyAccessible() ? service.externalTrafficPolicy() : null;
		int nodePort = service.primaryPort().nodePort();
		List<NodeRow> nodes = analysis.nodes()
			.stream()
			.limit(AnalysisView.MAX_NODES)
			.map((node) -> NodeRow.of(node, nodesByName.get(node.name()), service))
			.toList();
		List<EndpointRow> endpoints = analysis.endpoints().stream().limit(MAX_ENDPOINTS).map(EndpointRow::of).toList();
		return new ServiceView(service.ref().toString(), service.type().apiName(),
				(externalPolicy != null) ? externalPolicy.apiName() : null, service.internalTrafficPolicy().apiName(),
				service.clusterIp(), (nodePort > 0) ? nodePort : null, service.loadBalancerIps(), service.externalIps(),
				(service.healthCheckNodePort() > 0) ? service.healthCheckNodePort() : null, analysis.hasAnyEndpoints(),
				explain(service, externalPolicy), nodes, endpoints, analysis.endpoints().size(),
				Share.of(analysis.droppedShare()), Share.of(analysis.rejectedShare()),
				(analysis.loadBalancer() != null) ? LoadBalancerView.of(analysis.loadBalancer()) : null);
	}

	/**
	 * Only externally accessible Services get external traffic, so only they have LB and
	 * share columns.
	 */
	public boolean externallyAccessible() {
		return this.externalTrafficPolicy != null;
	}

	/**
	 * Whether the node table has the column saying how the LB's probe judges each node.
	 */
	public boolean showsLbHealthy() {
		return this.loadBalancer != null;
	}

	public boolean endpointsLimited() {
		return this.totalEndpoints > this.endpoints.size();
	}

	static String explain(Service service, @Nullable TrafficPolicy externalPolicy) {
		if (externalPolicy == null) {
			return "Not reachable from outside the cluster, so externalTrafficPolicy does not apply.";
		}
		if (externalPolicy == TrafficPolicy.CLUSTER) {
			return "Every node accepts external traffic and forwards it to any ready pod, on any node. "
					+ "The packet is SNATed on the way, so the pod sees a node address instead of the client's.";
		}
		String local = "A node sends traffic from outside the cluster only to its own pods (ready ones, or its "
				+ "serving-terminating ones while it has no ready one), without SNAT, so the pod sees the client's real "
				+ "address. A node without a local pod drops that traffic, as long as the Service has pods elsewhere. "
				+ "Pods and the nodes themselves are not limited this way: connecting to the node port or "
				+ "load-balancer IP, they reach every ready pod";
		return (service.type() == ServiceType.LOAD_BALANCER)
				? local + ". The load balancer's health check on the healthCheckNodePort answers 200 only on nodes "
						+ "with a ready local pod, so the load balancer leaves the other nodes out (if no node passes, "
						+ "it fails open and uses them all)."
				: local + ". Clients must pick a node that runs a pod themselves: only LoadBalancer Services get a "
						+ "health check.";
	}

}
