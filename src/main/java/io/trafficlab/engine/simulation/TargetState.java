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
	INITIAL,

	/** Gets its share of new connections. */
	HEALTHY,

	/** Gets no new connections (unless every target is unhealthy: the LB fails open). */
	UNHEALTHY,

	/**
	 * Deregistered (its node's Ready condition left True, or it is tainted for deletion):
	 * no new connections, established ones continue until the deregistration delay (300
	 * s) is over and it leaves the target group.
	 */
	DRAINING;

}
