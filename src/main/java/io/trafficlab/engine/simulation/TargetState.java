package io.trafficlab.engine.simulation;

/**
 * The cloud load balancer's verdict on one node (a target), as its probes have found it
 * so far (R20).
 */
public enum TargetState {

	/**
	 * Newly registered; gets no traffic until it has passed {@code healthyThreshold}
	 * probes.
	 */
	INITIAL,

	/** Gets its share of new connections. */
	HEALTHY,

	/** Gets no new connections (unless every target is unhealthy: the LB fails open). */
	UNHEALTHY

}
