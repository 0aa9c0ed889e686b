package io.trafficlab.engine.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything kube-proxy and the cloud load balancer need: nodes, Services and each
 * Service's endpoints.
 *
 * @param nodes the nodes, in a stable order
 * @param services the Services, in a stable order
 * @param endpoints each Service's endpoints, in a stable order
 * @param pods the pods, placed (pending pods have no node)
 */
public record Cluster(List<Node> nodes, List<Service> services, Map<ServiceRef, List<Endpoint>> endpoints,
		List<Pod> pods) {

	public Cluster {
		nodes = List.copyOf(nodes);
		services = List.copyOf(services);
		endpoints = copyOfEach(endpoints);
		pods = List.copyOf(pods);
	}

	/**
	 * An immutable copy whose lists are immutable too, so that every analysis of this
	 * cluster reads them without copying ({@code List.copyOf} of an immutable list is the
	 * list itself).
	 */
	private static Map<ServiceRef, List<Endpoint>> copyOfEach(Map<ServiceRef, List<Endpoint>> endpoints) {
		Map<ServiceRef, List<Endpoint>> copy = new HashMap<>(endpoints.size() * 4 / 3 + 1);
		endpoints.forEach((service, list) -> copy.put(service, List.copyOf(list)));
		return Map.copyOf(copy);
	}

	/** The endpoints of one Service, empty when it has none. */
	public List<Endpoint> endpointsOf(ServiceRef service) {
		return this.endpoints.getOrDefault(service, List.of());
	}

}
