package io.trafficlab.engine.rules;

import io.trafficlab.engine.model.Cluster;

/** One of kube-proxy's proxiers, writing a node's rules for a cluster's state. */
public interface RulesWriter {

	/**
	 * The rules {@code node}'s kube-proxy writes in one full sync.
	 * @throws IllegalArgumentException naming the bad field when the node or the scope's
	 * Service does not exist
	 */
	NodeRules write(Cluster cluster, String node, RulesScope scope);

}
