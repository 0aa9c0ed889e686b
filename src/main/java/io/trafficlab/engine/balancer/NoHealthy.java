package io.trafficlab.engine.balancer;

/** What a load balancer does when no target passes its health check. */
public enum NoHealthy {

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
