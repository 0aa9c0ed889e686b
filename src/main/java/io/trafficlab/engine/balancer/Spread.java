package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/** How a load balancer spreads new connections over its healthy targets. */
public enum Spread implements Spelled {

	/** Equally over healthy targets ({@link CloudLoadBalancer}, EVEN). */
	EVEN("even-over-targets"),

	/**
	 * By each node's {@code X-Load-Balancing-Endpoint-Weight} ({@link CloudLoadBalancer},
	 * WEIGHTED).
	 */
	WEIGHTED_BY_HEADER("weighted-by-header"),

	/**
	 * Cross-zone off: 1/Z per zone with a healthy target, then evenly inside the zone.
	 */
	PER_ZONE("per-zone"),

	/** One announcing node takes everything ({@link L2Election}). */
	SINGLE_ANNOUNCER("one-announcing-node"),

	/** ECMP: evenly per advertising node. */
	ECMP_PER_NODE("ecmp-per-node");

	private final String apiName;

	Spread(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

}
