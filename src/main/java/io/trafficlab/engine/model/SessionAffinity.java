package io.trafficlab.engine.model;

/**
 * A Service's {@code spec.sessionAffinity}.
 */
public enum SessionAffinity implements Spelled {

	NONE("None"), CLIENT_IP("ClientIP");

	private final String apiName;

	SessionAffinity(String apiName) {
		this.apiName = apiName;
	}

	/** The value as the Kubernetes API spells it. */
	@Override
	public String apiName() {
		return this.apiName;
	}

}
