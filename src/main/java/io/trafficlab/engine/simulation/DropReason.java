package io.trafficlab.engine.simulation;

import io.trafficlab.engine.balancer.LoadBalancerKind;

/**
 * Why a new connection did not reach a pod, as counted in the statistics (the events say
 * it in full sentences).
 */
enum DropReason {

	/** The LB has no target at all. */
	NO_TARGETS(false, "the load balancer has no targets"),

	/**
	 * The Classic ELB has no InService instance: it has accepted the client's connection
	 * and closes it.
	 */
	LB_CLOSED(false, "no instance passes the Classic ELB's health check: it closes the client's connection"),

	/** Azure with every backend probed down: no new flows (AllProbedDown). */
	LB_NO_HEALTHY(false, "every backend fails Azure's health probe: the load balancer sends nothing"),

	/** MetalLB BGP: no speaker advertises a route, so the router has none. */
	NO_ROUTE(false, "no node advertises " + L2Announcer.LB_IP + ": the router has no route"),

	/**
	 * MetalLB BGP: the router still routes to a dead node until the session's hold time
	 * expires.
	 */
	BGP_HOLD(false, "the node is dead, but the router keeps its route until the BGP hold time expires"),

	/** MetalLB L2: no speaker node is a candidate, so no node announces the LB IP. */
	NO_ANNOUNCER(false, "nothing answers ARP for " + L2Announcer.LB_IP),

	/**
	 * The client is outside {@code loadBalancerSourceRanges}, which the AWS Load Balancer
	 * Controller turns into the NLB's security-group rules, the in-tree AWS cloud
	 * provider into the Classic ELB's (no LB-IP rule for kube-proxy's R13); {@link #key}
	 * names the chosen one.
	 */
	SECURITY_GROUP(false, "client outside loadBalancerSourceRanges: the %s's security group drops it"),

	/**
	 * The LB sent it to a node that was killed and that it has not yet marked unhealthy.
	 */
	NODE_GONE(false, "the node is gone, but the load balancer still sends to it"),

	/**
	 * NLB ip targets: the pod's node is dead, and the LB has not yet marked the pod
	 * unhealthy.
	 */
	POD_TARGET_DEAD(false, "the pod's node is dead, but the load balancer still sends to the pod's IP"),

	/** The node's kube-proxy has not programmed the Service yet. */
	NOT_PROGRAMMED(false, "kube-proxy has not programmed the Service yet"),

	/** R10: externalTrafficPolicy Local and no local endpoint on the node. */
	NO_LOCAL_ENDPOINT(false, "no local endpoint (externalTrafficPolicy: Local, R10)"),

	/** R13: the client is outside loadBalancerSourceRanges. */
	SOURCE_RANGES(false, "client outside loadBalancerSourceRanges (R13)"),

	/**
	 * The node's rules still DNAT to a pod that has been deleted (its kube-proxy has not
	 * synced yet).
	 */
	STALE_ENDPOINT(false, "stale rules: DNAT to a deleted pod (kube-proxy not yet synced)"),

	/**
	 * The rules DNAT to an endpoint on a dead node: still Ready until the node controller
	 * marks its pods NotReady.
	 */
	DEAD_NODE_ENDPOINT(false,
			"the pod's node is dead; its endpoint is still Ready until the node controller marks it " + "NotReady"),

	/**
	 * The rules (or the NLB's pod target) still send to a terminating pod whose app has
	 * exited: nothing listens, so its kernel answers the SYN with a RST.
	 */
	APP_EXITED(true, "the pod's app has exited: nothing listens, so the connection is refused (RST)"),

	/** The set the rules chose is empty. */
	EMPTY_SET(false, "no endpoint in the node's set"),

	/** R10: no Ready or serving-terminating endpoint anywhere: REJECT. */
	NO_ENDPOINTS(true, "no endpoints anywhere: REJECT (R10)");

	final boolean reject;

	/** The key's words; {@code %s} is the load balancer's short name. */
	final String summary;

	DropReason(boolean reject, String summary) {
		this.reject = reject;
		this.summary = summary;
	}

	/**
	 * The statistics key:
	 * {@code "n3: no local endpoint (externalTrafficPolicy: Local, R10)"}.
	 */
	String key(String node, LoadBalancerKind kind) {
		String text = this.summary.formatted(kind.shortName());
		return node.isEmpty() ? text : node + ": " + text;
	}

}
