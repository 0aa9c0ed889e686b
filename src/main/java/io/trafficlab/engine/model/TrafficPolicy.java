package io.trafficlab.engine.model;

/**
 * A Service's {@code externalTrafficPolicy} or {@code internalTrafficPolicy}.
 */
public enum TrafficPolicy {

	CLUSTER("Cluster"), LOCAL("Local");

	private final String apiName;

	TrafficPolicy(String apiName) {
		this.apiName = apiName;
	}

	/** The value as the Kubernetes API spells it. */
	public String apiName() {
		return this.apiName;
	}

}
