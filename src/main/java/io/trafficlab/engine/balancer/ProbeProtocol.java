package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/** How a load balancer's health check talks to its target. */
public enum ProbeProtocol implements Spelled {

	/** A TCP connect: healthy iff the handshake completes. */
	TCP("TCP"),

	/** An HTTP GET: healthy iff the answer is 200 (AWS: 200–399 by default for HTTP). */
	HTTP("HTTP");

	private final String apiName;

	ProbeProtocol(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

}
