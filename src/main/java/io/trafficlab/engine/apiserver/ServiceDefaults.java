package io.trafficlab.engine.apiserver;

import io.trafficlab.engine.model.SessionAffinity;

/**
 * The defaults kube-apiserver fills into a Service when it decodes one (R21,
 * {@code SetDefaults_Service}).
 */
final class ServiceDefaults {

	/**
	 * {@code sessionAffinityConfig.clientIP.timeoutSeconds} when ClientIP affinity has
	 * none: three hours.
	 */
	static final int CLIENT_IP_TIMEOUT_SECONDS = 10800;

	private ServiceDefaults() {
	}

	static void apply(ServiceDraft service) {
		if (service.sessionAffinity == null) {
			service.sessionAffinity = SessionAffinity.NONE.apiName();
		}
		if (SessionAffinity.NONE.apiName().equals(service.sessionAffinity)) {
			service.sessionAffinityTimeoutSeconds = null;
		}
		if (SessionAffinity.CLIENT_IP.apiName().equals(service.sessionAffinity)
				&& service.sessionAffinityTimeoutSeconds == null) {
			service.sessionAffinityTimeoutSeconds = CLIENT_IP_TIMEOUT_SECONDS;
		}
		if (service.type == null) {
			service.type = ServiceDraft.CLUSTER_IP;
		}
		for (ServiceDraft.PortDraft port : service.ports) {
			if (port.protocol == null) {
				port.protocol = "TCP";
			}
			if (port.targetPort == null || "0".equals(port.targetPort)) {
				port.targetPort = String.valueOf(port.port);
			}
		}
		if (service.externallyAccessible() && service.externalTrafficPolicy == null) {
			service.externalTrafficPolicy = ServiceDraft.CLUSTER;
		}
		boolean proxied = service.isType(ServiceDraft.CLUSTER_IP) || service.needsNodePorts();
		if (service.internalTrafficPolicy == null && proxied) {
			service.internalTrafficPolicy = ServiceDraft.CLUSTER;
		}
		if (service.isType(ServiceDraft.LOAD_BALANCER) && service.allocateLoadBalancerNodePorts == null) {
			service.allocateLoadBalancerNodePorts = Boolean.TRUE;
		}
	}

}
