package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.Spelled;

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

}
