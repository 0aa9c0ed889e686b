package io.trafficlab.engine.proxy;

/**
 * Which of kube-proxy's rules decided a packet's fate (R8, R10, R13).
 */
public enum Decision {

	/** R13: LB-IP traffic from a source outside {@code loadBalancerSourceRanges}. */
	DROP_SOURCE_RANGES,

	/** R10: the Service has no Ready or serving-terminating endpoint anywhere. */
	REJECT_NO_ENDPOINTS,

	/**
	 * R10: ClusterIP traffic with {@code internalTrafficPolicy: Local} and no local
	 * endpoint.
	 */
	DROP_NO_LOCAL_INTERNAL,

	/**
	 * R10: external traffic with {@code externalTrafficPolicy: Local}, not
	 * short-circuited, no local endpoint.
	 */
	DROP_NO_LOCAL_EXTERNAL,

	/** R8: ClusterIP traffic to the Cluster set. */
	CLUSTER_IP_TO_CLUSTER,

	/** R8: ClusterIP traffic to the Local set ({@code internalTrafficPolicy: Local}). */
	CLUSTER_IP_TO_LOCAL,

	/**
	 * R8: external destination, {@code externalTrafficPolicy: Cluster}: SNAT, Cluster
	 * set.
	 */
	EXTERNAL_CLUSTER,

	/**
	 * R8: external destination, {@code externalTrafficPolicy: Local}, not a pod nor the
	 * node: Local set.
	 */
	EXTERNAL_LOCAL,

	/**
	 * R8: external destination, Local policy, pod source: short-circuit to the Cluster
	 * set without SNAT.
	 */
	EXTERNAL_POD_SHORT_CIRCUIT,

	/**
	 * R8: external destination, Local policy, node-local source: SNAT and the Cluster
	 * set.
	 */
	EXTERNAL_NODE_SHORT_CIRCUIT

}
