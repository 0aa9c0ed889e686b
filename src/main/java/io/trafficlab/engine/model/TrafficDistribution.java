package io.trafficlab.engine.model;

/**
 * A Service's {@code spec.trafficDistribution}: which endpoints the EndpointSlice
 * controller hints for which zones and nodes (R7).
 */
public enum TrafficDistribution implements Spelled {

	/**
	 * A zone hint for each Ready endpoint's own zone (the older name of PreferSameZone).
	 */
	PREFER_CLOSE("PreferClose"),

	/** A zone hint for each Ready endpoint's own zone. */
	PREFER_SAME_ZONE("PreferSameZone"),

	/** A zone hint and a node hint for each Ready endpoint's own zone and node. */
	PREFER_SAME_NODE("PreferSameNode");

	private final String apiName;

	TrafficDistribution(String apiName) {
		this.apiName = apiName;
	}

	/** The value as the Kubernetes API spells it. */
	@Override
	public String apiName() {
		return this.apiName;
	}

}
