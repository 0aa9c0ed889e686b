package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/**
 * What a load balancer does when no target passes its health check (on the wire:
 * {@code fail-open}, {@code no-new-flows}, {@code lb-closes}, {@code not-announced}).
 */
public enum NoHealthy implements Spelled {

	/** Fail open: spread over every registered target (per zone when spread per zone). */
	FAIL_OPEN,

	/** Azure's default {@code AllProbedDown}: no new flows. */
	NO_NEW_FLOWS,

	/**
	 * The Classic ELB has accepted the client but has no InService instance: it closes.
	 */
	LB_CLOSES,

	/** MetalLB: no node announces, nothing answers for the LB IP. */
	NOT_ANNOUNCED

}
