package io.trafficlab.engine.proxy;

/**
 * What happens to a new connection on a node.
 */
public enum Verdict {

	/**
	 * Delivered to one of the candidate endpoints, chosen uniformly per new connection.
	 */
	DNAT,

	/** Silently dropped: the client times out. */
	DROP,

	/** Refused at once: the client sees "connection refused". */
	REJECT

}
