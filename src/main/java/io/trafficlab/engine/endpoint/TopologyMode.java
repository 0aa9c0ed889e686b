package io.trafficlab.engine.endpoint;

/**
 * How a node filters the Cluster set by the hints on Ready endpoints (R6).
 */
public enum TopologyMode {

	/** No filtering: every Ready endpoint. */
	NONE,

	/** Only endpoints hinted for this node's zone. */
	PREFER_SAME_ZONE,

	/**
	 * Only endpoints hinted for this node ({@code PreferSameTrafficDistribution} gate
	 * on).
	 */
	PREFER_SAME_NODE

}
