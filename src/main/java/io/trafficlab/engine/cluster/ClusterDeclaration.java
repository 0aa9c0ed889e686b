package io.trafficlab.engine.cluster;

import java.util.List;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;

/**
 * Everything the manifests declare, each list in declaration order.
 *
 * @param nodes the Nodes
 * @param services the Services
 * @param pods the Pods
 * @param workloads the Deployments, ReplicaSets, StatefulSets and DaemonSets
 * @param endpointSlices the EndpointSlices
 */
public record ClusterDeclaration(List<DeclaredNode> nodes, List<DeclaredService> services, List<DeclaredPod> pods,
		List<DeclaredWorkload> workloads, List<DeclaredEndpointSlice> endpointSlices) {

	public ClusterDeclaration {
		nodes = List.copyOf(nodes);
		services = List.copyOf(services);
		pods = List.copyOf(pods);
		workloads = List.copyOf(workloads);
		endpointSlices = List.copyOf(endpointSlices);
	}

	/**
	 * Every externally reachable Service (LoadBalancer or NodePort) switched to
	 * {@code policy}; Cluster drops a declared healthCheckNodePort, which only Local may
	 * have.
	 */
	public ClusterDeclaration withExternalTrafficPolicy(TrafficPolicy policy) {
		List<DeclaredService> changed = this.services.stream().map((service) -> {
			if (!service.isType(ServiceType.LOAD_BALANCER) && !service.isType(ServiceType.NODE_PORT)) {
				return service;
			}
			DeclaredService updated = service.withExternalTrafficPolicy(policy.apiName());
			return (policy == TrafficPolicy.CLUSTER) ? updated.withHealthCheckNodePort(null) : updated;
		}).toList();
		return new ClusterDeclaration(this.nodes, changed, this.pods, this.workloads, this.endpointSlices);
	}

}
