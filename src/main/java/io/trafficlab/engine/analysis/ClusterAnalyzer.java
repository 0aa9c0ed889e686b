package io.trafficlab.engine.analysis;

import io.trafficlab.engine.model.Cluster;

/**
 * Computes, for every Service, what each node's kube-proxy and the cloud load balancer do with external traffic,
 * as exact fractions.
 */
public final class ClusterAnalyzer {

	public ClusterAnalysis analyze(Cluster cluster, AnalysisOptions options) {
		throw new UnsupportedOperationException("not yet implemented");
	}

}
