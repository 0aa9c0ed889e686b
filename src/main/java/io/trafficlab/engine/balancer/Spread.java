package io.trafficlab.engine.balancer;

/** How a load balancer spreads new connections over its healthy targets. */
public enum Spread {

	/** Equally over healthy targets ({@link CloudLoadBalancer}, EVEN). */
	EVEN,

	/**
	 * By each node's {@code X-Load-Balancing-Endpoint-Weight} ({@link CloudLoadBalancer},
	 * WEIGHTED).
	 */
	WEIGHTED_BY_HEADER,

	/**
	 * Cross-zone off: 1/Z per zone with a healthy target, then evenly inside the zone.
	 */
	PER_ZONE,

	/** One announcing node takes everything ({@link L2Election}). */
	SINGLE_ANNOUNCER,

	/** ECMP: evenly per advertising node. */
	ECMP_PER_NODE

}
