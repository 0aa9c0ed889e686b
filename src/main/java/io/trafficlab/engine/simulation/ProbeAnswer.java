package io.trafficlab.engine.simulation;

import io.trafficlab.engine.model.Spelled;

/**
 * What a cloud LB's probe of a node got back (R20, {@link ProbeAnswers}); the HTTP status
 * of an {@link #HTTP_STATUS} answer travels beside it as a number.
 */
public enum ProbeAnswer implements Spelled {

	/** The healthCheckNodePort answered (Local): the status says how. */
	HTTP_STATUS("http"),

	/** The TCP connect to the NodePort succeeded (Cluster). */
	CONNECTED("connected"),

	/** The connection was refused. */
	REFUSED("refused"),

	/** Nothing answered before the probe's timeout. */
	TIMED_OUT("timed-out");

	private final String apiName;

	ProbeAnswer(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

}
