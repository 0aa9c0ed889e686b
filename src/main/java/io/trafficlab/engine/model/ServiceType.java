package io.trafficlab.engine.model;

/**
 * A Service's {@code spec.type}.
 */
public enum ServiceType implements Spelled {

	CLUSTER_IP("ClusterIP"), NODE_PORT("NodePort"), LOAD_BALANCER("LoadBalancer"), EXTERNAL_NAME("ExternalName");

	private final String apiName;

	ServiceType(String apiName) {
		this.apiName = apiName;
	}

	/** The value as the Kubernetes API spells it. */
	@Override
	public String apiName() {
		return this.apiName;
	}

}
