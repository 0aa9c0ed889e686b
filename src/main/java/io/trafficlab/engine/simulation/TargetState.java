package io.trafficlab.engine.simulation;

import io.trafficlab.engine.model.Spelled;

/**
 * The cloud load balancer's verdict on one node (a target), as its probes have found it
 * so far (R20); spelled as AWS spells a target's health state.
 */
public enum TargetState implements Spelled {

	/**
	 * Newly registered; gets no traffic until it has passed {@code healthyThreshold}
	 * probes.
	 */
	INITIAL("initial"),

	/** Gets its share of new connections. */
	HEALTHY("healthy"),

	/** Gets no new connections (unless every target is unhealthy: the LB fails open). */
	UNHEALTHY("unhealthy");

	private final String apiName;

	TargetState(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

}
