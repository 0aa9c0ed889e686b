package io.trafficlab.engine.balancer;

/** How a load balancer's packets reach the cluster. */
public enum Arrival {

	/**
	 * Passthrough: the node receives {@code LB-IP:port}; kube-proxy's LB-IP rules take
	 * it.
	 */
	LB_IP,

	/**
	 * The LB rewrites the destination to {@code nodeIP:nodePort} (NLB instance targets).
	 */
	NODE_PORT_REWRITE,

	/**
	 * A proxy: the LB opens its own connection to {@code nodeIP:nodePort} (Classic ELB).
	 */
	PROXY_TO_NODE_PORT,

	/** Straight to {@code podIP:targetPort}, no node hop (NLB ip targets). */
	POD_DIRECT,

	/** One node answers ARP/NDP for the LB IP and receives all of it (MetalLB L2). */
	L2_ANNOUNCE,

	/** The router's ECMP over the nodes that advertise the LB IP (MetalLB BGP). */
	BGP_ECMP;

	/** Whether the LB sends to pods, not nodes. */
	public boolean toPods() {
		return this == POD_DIRECT;
	}

	/** Whether the LB health-checks its targets (MetalLB does not). */
	public boolean probes() {
		return this != L2_ANNOUNCE && this != BGP_ECMP;
	}

}
