package io.trafficlab.engine.apiserver;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How kube-apiserver reconciles an update with the stored Service before allocating:
 * values the client left out are copied from the stored object
 * ({@code patchAllocatedValues}), and fields that no longer apply to the new type are
 * dropped if the client did not change them ({@code dropTypeDependentFields}, R23).
 */
final class UpdateRules {

	private UpdateRules() {
	}

	static void patchAllocatedValues(ServiceDraft service, ServiceDraft old) {
		if (service.clusterIp == null) {
			service.clusterIp = old.clusterIp;
		}
		if (old.needsNodePorts() && service.needsNodePorts()) {
			Set<Integer> usedByBoth = new HashSet<>(old.nodePorts());
			usedByBoth.retainAll(service.nodePorts());
			Map<String, Integer> oldByName = new HashMap<>();
			for (ServiceDraft.PortDraft port : old.ports) {
				oldByName.put(Objects.requireNonNullElse(port.name, ""), port.nodePort);
			}
			for (ServiceDraft.PortDraft port : service.ports) {
				int oldValue = oldByName.getOrDefault(Objects.requireNonNullElse(port.name, ""), 0);
				if (port.nodePort == 0 && !usedByBoth.contains(oldValue)) {
					port.nodePort = oldValue;
				}
			}
		}
		if (old.needsHealthCheck() && service.needsHealthCheck() && service.healthCheckNodePort == 0) {
			service.healthCheckNodePort = old.healthCheckNodePort;
		}
	}

	static void dropTypeDependentFields(ServiceDraft service, ServiceDraft old) {
		// the user may drop ports while switching, but not add node ports of their own
		if (old.needsNodePorts() && !service.needsNodePorts()
				&& new HashSet<>(old.nodePorts()).containsAll(service.nodePorts())) {
			service.ports.forEach((port) -> port.nodePort = 0);
		}
		if (old.needsHealthCheck() && !service.needsHealthCheck()
				&& old.healthCheckNodePort == service.healthCheckNodePort) {
			service.healthCheckNodePort = 0;
		}
		if (old.isType(ServiceDraft.LOAD_BALANCER) && !service.isType(ServiceDraft.LOAD_BALANCER)
				&& Objects.equals(old.allocateLoadBalancerNodePorts, service.allocateLoadBalancerNodePorts)) {
			service.allocateLoadBalancerNodePorts = null;
		}
		if (old.needsNodePorts() && !service.needsNodePorts()
				&& Objects.equals(old.externalTrafficPolicy, service.externalTrafficPolicy)) {
			service.externalTrafficPolicy = null;
		}
	}

	/**
	 * The status is not part of an update: the stored Service's load balancer ingress
	 * carries over.
	 */
	static void keepStatus(ServiceDraft service, ServiceDraft old) {
		service.ingress = List.copyOf(old.ingress);
	}

}
