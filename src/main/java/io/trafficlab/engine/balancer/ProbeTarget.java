package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/** Which port of a target a health check reaches. */
public enum ProbeTarget implements Spelled {

	/** The Service's {@code healthCheckNodePort} on each node (eTP Local, R16–R18). */
	HEALTH_CHECK_NODE_PORT,

	/**
	 * The Service's node port on each node, which kube-proxy DNATs like any external
	 * connection (R8).
	 */
	NODE_PORT,

	/** kube-proxy's own {@code :10256/healthz} (R19). */
	PROXY_HEALTHZ,

	/** The pod's target port (ip targets). */
	POD_PORT;

}
