package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.Spelled;
import org.jspecify.annotations.Nullable;

/**
 * Which of the Service's addresses a packet is sent to, spelled as the Service's field
 * that holds it.
 */
public enum DestinationKind implements Spelled {

	CLUSTER_IP("clusterIP"), NODE_PORT("nodePort"), LOAD_BALANCER_IP("loadBalancerIP"), EXTERNAL_IP("externalIP");

	private final String apiName;

	DestinationKind(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

	/**
	 * Where external clients are sent to reach {@code service}: the LB IP of a
	 * LoadBalancer Service, else the nodePort, else an external IP (R1); {@code null}
	 * when it has none of them.
	 */
	public static @Nullable DestinationKind primaryOf(Service service) {
		if (service.type() == ServiceType.LOAD_BALANCER && !service.loadBalancerIps().isEmpty()) {
			return LOAD_BALANCER_IP;
		}
		boolean hasNodePorts = service.type() == ServiceType.LOAD_BALANCER || service.type() == ServiceType.NODE_PORT;
		if (hasNodePorts && service.primaryPort().nodePort() != 0) {
			return NODE_PORT;
		}
		return service.externalIps().isEmpty() ? null : EXTERNAL_IP;
	}

}
