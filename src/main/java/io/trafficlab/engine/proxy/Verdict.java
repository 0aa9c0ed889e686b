package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.Spelled;

/**
 * What happens to a new connection on a node, spelled as the iptables target that does
 * it.
 */
public enum Verdict implements Spelled {

	/**
	 * Delivered to one of the candidate endpoints, chosen uniformly per new connection.
	 */
	DNAT("DNAT"),

	/** Silently dropped: the client times out. */
	DROP("DROP"),

	/** Refused at once: the client sees "connection refused". */
	REJECT("REJECT");

	private final String apiName;

	Verdict(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

}
