package io.trafficlab.sandbox;

import io.trafficlab.engine.model.Spelled;

/** Which of a node's rules the sandbox's Rules panel shows. */
enum RulesView implements Spelled {

	/** The followed Service's chains and the shared chains that lead to them. */
	SERVICE("service"),

	/** Every Service's chains: the node's whole tables. */
	ALL("all");

	private final String apiName;

	RulesView(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

}
