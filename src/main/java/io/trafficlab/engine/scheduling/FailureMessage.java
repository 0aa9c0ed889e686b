package io.trafficlab.engine.scheduling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-scheduler's {@code FailedScheduling} message:
 * {@code 0/<nodes> nodes are available: <count> <reason>, ...}, the entries sorted as
 * strings.
 */
final class FailureMessage {

	static final String TOO_MANY_PODS = "Too many pods";

	static final String SPREAD_MISMATCH = "node(s) didn't match pod topology spread constraints";

	static final String SPREAD_MISSING_LABEL = SPREAD_MISMATCH + " (missing required label)";

	private FailureMessage() {
	}

	static String of(int nodeCount, List<String> reasonPerNode) {
		if (nodeCount == 0) {
			return "no nodes available to schedule pods";
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String reason : reasonPerNode) {
			counts.merge(reason, 1, Integer::sum);
		}
		List<String> entries = new ArrayList<>();
		counts.forEach((reason, count) -> entries.add(count + " " + reason));
		Collections.sort(entries);
		return "0/" + nodeCount + " nodes are available: " + String.join(", ", entries) + ".";
	}

	/**
	 * A daemon pod is bound to its node by affinity, so every other node fails the
	 * affinity check.
	 */
	static String daemonPodOnFullNode(int nodeCount) {
		List<String> reasons = new ArrayList<>();
		reasons.add(TOO_MANY_PODS);
		for (int i = 1; i < nodeCount; i++) {
			reasons.add(NodeFit.SELECTOR_MISMATCH);
		}
		return of(nodeCount, reasons);
	}

}
