package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/**
 * How the cloud load balancer spreads new connections over the nodes that pass its health
 * check (R20).
 */
public enum LoadBalancerModel implements Spelled {

	/** Equally over passing nodes (most cloud LBs). */
	EVEN,

	/**
	 * In proportion to each node's {@code X-Load-Balancing-Endpoint-Weight} (e.g. GCE
	 * WEIGHTED_MAGLEV).
	 */
	WEIGHTED;

}
