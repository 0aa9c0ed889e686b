package io.trafficlab.engine.cluster;

import java.util.List;

import io.trafficlab.engine.apiserver.DeclaredService;

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

}
