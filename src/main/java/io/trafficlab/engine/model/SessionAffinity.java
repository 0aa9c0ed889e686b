package io.trafficlab.engine.model;

/**
 * A Service's {@code spec.sessionAffinity}.
 */
public enum SessionAffinity {

	NONE("None"), CLIENT_IP("ClientIP");

	private final String apiName;

	SessionAffinity(String apiName) {
		this.apiName = apiName;
	}

	/** The value as the Kubernetes API spells it. */
	public String apiName() {
		return this.apiName;
	}

}
