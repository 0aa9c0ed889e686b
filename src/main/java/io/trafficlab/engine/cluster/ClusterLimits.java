package io.trafficlab.engine.cluster;

import java.util.Locale;

/**
 * Checks the sandbox's size limits, naming the limit that was crossed.
 */
final class ClusterLimits {

	private ClusterLimits() {
	}

	static void checkNodes(long nodes) {
		check(nodes, ClusterLimitException.MAX_NODES, "nodes");
	}

	static void checkPods(long pods) {
		check(pods, ClusterLimitException.MAX_PODS, "pods");
	}

	static void checkEndpoints(long endpoints) {
		check(endpoints, ClusterLimitException.MAX_PODS, "endpoints");
	}

	private static void check(long count, int limit, String what) {
		if (count > limit) {
			throw new ClusterLimitException(String.format(Locale.ROOT,
					"The cluster has %,d %s; Traffic Lab handles at most %,d %s.", count, what, limit, what));
		}
	}

}
