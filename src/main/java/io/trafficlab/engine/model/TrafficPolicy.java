package io.trafficlab.engine.model;

/**
 * A Service's {@code externalTrafficPolicy} or {@code internalTrafficPolicy}.
 */
public enum TrafficPolicy implements Spelled {

	CLUSTER("Cluster"), LOCAL("Local");

	private final String apiName;

	TrafficPolicy(String apiName) {
		this.apiName = apiName;
	}

	/** The value as the Kubernetes API spells it. */
	@Override
	public String apiName() {
		return this.apiName;
	}

}
