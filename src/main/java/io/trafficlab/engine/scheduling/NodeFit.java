package io.trafficlab.engine.scheduling;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Taint;

import org.jspecify.annotations.Nullable;

/**
 * The node-level filters, in kube-scheduler's plugin order (NodeUnschedulable,
 * TaintToleration, NodeAffinity), with the reason each one reports.
 */
final class NodeFit {

	static final String UNSCHEDULABLE = "node(s) were unschedulable";

	static final String SELECTOR_MISMATCH = "node(s) didn't match Pod's node affinity/selector";

	private static final Taint UNSCHEDULABLE_TAINT = new Taint(Toleration.UNSCHEDULABLE_KEY, null, "NoSchedule");

	private NodeFit() {
	}

	/** Why the node can never take this pod, or {@code null} when it can. */
	static @Nullable String staticReason(Node node, PodRequirements pod) {
		if (node.unschedulable() && !tolerated(UNSCHEDULABLE_TAINT, pod.tolerations())) {
			return UNSCHEDULABLE;
		}
		Taint taint = untoleratedTaint(node, pod.tolerations());
		if (taint != null) {
			return "node(s) had untolerated taint {" + taint.key() + ": "
					+ ((taint.value() != null) ? taint.value() : "") + "}";
		}
		if (!matchesSelector(node, pod.nodeSelector())) {
			return SELECTOR_MISMATCH;
		}
		return null;
	}

	/**
	 * The first NoSchedule or NoExecute taint no toleration tolerates, or {@code null}.
	 */
	static @Nullable Taint untoleratedTaint(Node node, List<Toleration> tolerations) {
		for (Taint taint : node.taints()) {
			boolean filtering = "NoSchedule".equals(taint.effect()) || "NoExecute".equals(taint.effect());
			if (filtering && !tolerated(taint, tolerations)) {
				return taint;
			}
		}
		return null;
	}

	static boolean matchesSelector(Node node, Map<String, String> nodeSelector) {
		for (Map.Entry<String, String> wanted : nodeSelector.entrySet()) {
			if (!wanted.getValue().equals(node.labels().get(wanted.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private static boolean tolerated(Taint taint, List<Toleration> tolerations) {
		for (Toleration toleration : tolerations) {
			if (toleration.tolerates(taint)) {
				return true;
			}
		}
		return false;
	}

}
