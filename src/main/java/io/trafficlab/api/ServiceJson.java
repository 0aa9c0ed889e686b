package io.trafficlab.api;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One Service in the analyze response. The first twelve components are the contract's;
 * the rest are additions ({@code loadBalancer} is the contract's addition of 2026-12).
 *
 * @param namespace the namespace
 * @param name the name
 * @param type {@code ClusterIP}, {@code NodePort}, {@code LoadBalancer} or
 * {@code ExternalName}
 * @param externalTrafficPolicy {@code Cluster} or {@code Local}; {@code null} when not
 * externally accessible
 * @param internalTrafficPolicy {@code Cluster} or {@code Local}
 * @param clusterIP the ClusterIP
 * @param nodePort the first port's node port, {@code null} when it has none
 * @param loadBalancerIPs the VIP-mode load balancer ingress IPs
 * @param healthCheckNodePort the health-check node port, {@code null} when the Service
 * has none
 * @param hasAnyEndpoints whether any endpoint anywhere is ready or serving-terminating
 * @param nodes per node: endpoint sets, health checks, LB share
 * @param endpoints per endpoint: share of external connections and the sources it sees
 * @param externalIPs {@code spec.externalIPs}
 * @param ports every port, the first being the one {@code nodePort} and the shares
 * describe
 * @param droppedShare the share of new external connections a node DROPs
 * @param rejectedShare the share of new external connections that are REJECTed
 * @param loadBalancer the load balancer in front of a LoadBalancer Service; {@code null}
 * for the other types
 */
record ServiceJson(String namespace, String name, String type, @Nullable String externalTrafficPolicy,
		String internalTrafficPolicy, String clusterIP, @Nullable Integer nodePort, List<String> loadBalancerIPs,
		@Nullable Integer healthCheckNodePort, boolean hasAnyEndpoints, List<NodeJson> nodes,
		List<EndpointJson> endpoints, List<String> externalIPs, List<PortJson> ports, String droppedShare,
		String rejectedShare, @Nullable LoadBalancerJson loadBalancer) {

	static ServiceJson of(ServiceAnalysis analysis, Map<String, Node> nodes, boolean withSourcesSeen) {
		Service service = analysis.service();
		TrafficPolicy externalPolicy = service.externallyAccessible() ? service.externalTrafficPolicy() : null;
		return new ServiceJson(service.ref().namespace(), service.ref().name(), service.type().apiName(),
				(externalPolicy != null) ? externalPolicy.apiName() : null, service.internalTrafficPolicy().apiName(),
				service.clusterIp(), PortJson.positiveOrNull(service.primaryPort().nodePort()),
				service.loadBalancerIps(), PortJson.positiveOrNull(service.healthCheckNodePort()),
				analysis.hasAnyEndpoints(), MappedList.of(analysis.nodes(), (node) -> NodeJson.of(node, nodes)),
				MappedList.of(analysis.endpoints(), (endpoint) -> EndpointJson.of(endpoint, withSourcesSeen)),
				service.externalIps(), MappedList.of(service.ports(), PortJson::of), analysis.droppedShare().toString(),
				analysis.rejectedShare().toString(),
				(analysis.loadBalancer() != null) ? LoadBalancerJson.of(analysis.loadBalancer()) : null);
	}

}
