package io.trafficlab.engine.cluster;

import java.util.List;

import io.trafficlab.engine.model.Cluster;

/**
 * A complete cluster and notes, for people, about what was filled in or left out.
 *
 * @param cluster the cluster
 * @param warnings the notes, in the order they arose
 */
public record AssembledCluster(Cluster cluster, List<String> warnings) {

	public AssembledCluster {
		warnings = List.copyOf(warnings);
	}

}
