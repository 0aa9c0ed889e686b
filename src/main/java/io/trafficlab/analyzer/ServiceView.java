package io.trafficlab.analyzer;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.analysis.LoadBalancerAnalysis;
import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
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

	private static final String CLUSTER_FORWARDING = "Every node accepts external traffic and forwards it to any "
			+ "ready pod, on any node. ";

	private static final String LOCAL = "A node sends traffic from outside the cluster only to its own pods (ready "
			+ "ones, or its serving-terminating ones while it has no ready one), without SNAT, so the pod sees the "
			+ "client's real address. A node without a local pod drops that traffic, as long as the Service has pods "
			+ "elsewhere. Pods and the nodes themselves are not limited this way: connecting to the node port or "
			+ "load-balancer IP, they reach every ready pod";

	private static final String IP_TARGETS = "With ip targets the load balancer sends straight to the pods' IPs, so "
			+ "this policy does not apply to its traffic";

	private static final String HEALTH_CHECK_LEAVES_OUT = ". The load balancer's health check on the "
			+ "healthCheckNodePort answers 200 only on nodes with a ready local pod, so the load balancer leaves the "
			+ "other nodes out";

	static ServiceView of(ServiceAnalysis analysis, Map<String, Node> nodesByName, Dataplane dataplane) {
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
				explain(service, externalPolicy, analysis.loadBalancer(), dataplane), nodes, endpoints,
				analysis.endpoints().size(), Share.of(analysis.droppedShare()), Share.of(analysis.rejectedShare()),
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
			return CLUSTER_FORWARDING + "The packet is SNATed on the way, so the pod sees a node address instead of "
					+ "the client's.";
		}
		return (service.type() == ServiceType.LOAD_BALANCER)
				? LOCAL + ". The load balancer's health check on the healthCheckNodePort answers 200 only on nodes "
						+ "with a ready local pod, so the load balancer leaves the other nodes out (if no node passes, "
						+ "it fails open and uses them all)."
				: LOCAL + ". Clients must pick a node that runs a pod themselves: only LoadBalancer Services get a "
						+ "health check.";
	}

	/**
	 * The same words for the load balancer and dataplane the analysis used: the generic
	 * LB on kube-proxy keeps {@link #explain(Service, TrafficPolicy)}.
	 */
	static String explain(Service service, @Nullable TrafficPolicy externalPolicy,
			@Nullable LoadBalancerAnalysis loadBalancer, Dataplane dataplane) {
		boolean clientKept = loadBalancer == null || loadBalancer.clientAddressKeptToNode();
		if (externalPolicy == TrafficPolicy.CLUSTER && loadBalancer != null
				&& loadBalancer.kind() == LoadBalancerKind.AWS_NLB_IP) {
			return IP_TARGETS + ": no node forwards it and nothing SNATs it, so the pod sees " + (clientKept
					? "the client's address (client IP preservation is on)."
					: "the load balancer's own private address, not the client's (client IP preservation is off).");
		}
		if (externalPolicy == TrafficPolicy.CLUSTER && dataplane == Dataplane.CILIUM_DSR) {
			return CLUSTER_FORWARDING + (clientKept
					? "Cilium in DSR mode does not SNAT it: the pod replies straight to the client and sees the "
							+ "client's address."
					: "Cilium in DSR mode does not SNAT it, but the load balancer already gave it its own address: "
							+ "the pod sees the load balancer's address, never the client's.");
		}
		if (externalPolicy == TrafficPolicy.CLUSTER && dataplane == Dataplane.CILIUM_SNAT) {
			return CLUSTER_FORWARDING + "Cilium SNATs it to the entry node's address when the pod is on another node; "
					+ "a pod on the entry node sees "
					+ (clientKept ? "the client's address." : "the load balancer's own address, never the client's.");
		}
		if (externalPolicy != TrafficPolicy.LOCAL || loadBalancer == null
				|| loadBalancer.kind() == LoadBalancerKind.GENERIC) {
			return explain(service, externalPolicy);
		}
		return LOCAL + switch (loadBalancer.kind()) {
			case AWS_NLB_IP -> ". " + IP_TARGETS + ".";
			case METALLB_L2 -> ". MetalLB does not probe: only a node with a local pod can answer ARP for the IP, "
					+ "and one of them (the announcing node below) takes all of its traffic.";
			case METALLB_BGP -> ". MetalLB does not probe: only nodes with a local pod advertise the IP, and the "
					+ "router spreads connections evenly over them, whatever their pod counts.";
			case AZURE -> HEALTH_CHECK_LEAVES_OUT + " (if no node passes, Azure sends nothing).";
			case AWS_CLB -> HEALTH_CHECK_LEAVES_OUT + " (if no node passes, the Classic ELB refuses new connections). "
					+ "The Classic ELB is a proxy, though: the node receives the ELB's own address, never the client's.";
			default -> HEALTH_CHECK_LEAVES_OUT + " (if no node passes, it fails open and uses them all)." + (clientKept
					? ""
					: " The load balancer does not keep the client's address, though (client IP preservation is off): "
							+ "the node receives the load balancer's own address.");
		};
	}

}
