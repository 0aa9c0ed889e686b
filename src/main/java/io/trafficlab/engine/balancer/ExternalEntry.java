package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;

/**
 * How new external connections reach a Service's nodes.
 */
public enum ExternalEntry {

	/**
	 * {@code type: LoadBalancer}: a cloud LB probes the nodes and spreads connections
	 * over those that pass (R20).
	 */
	CLOUD_LOAD_BALANCER,

	/**
	 * NodePort, or ClusterIP with {@code externalIPs}: there is no LB and no probe; the
	 * sandbox models clients spreading evenly over all nodes.
	 */
	CLIENTS_TO_ALL_NODES,

	/**
	 * Not externally accessible (a plain ClusterIP or ExternalName Service): no external
	 * traffic.
	 */
	NONE;

	/** How external traffic reaches {@code service}. */
	public static ExternalEntry of(Service service) {
		if (service.type() == ServiceType.EXTERNAL_NAME || !service.externallyAccessible()) {
			return NONE;
		}
		return (service.type() == ServiceType.LOAD_BALANCER) ? CLOUD_LOAD_BALANCER : CLIENTS_TO_ALL_NODES;
	}

}
