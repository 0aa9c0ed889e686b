package io.trafficlab.engine.balancer;

import java.util.Map;

import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Taint;
import org.jspecify.annotations.Nullable;

/**
 * Which nodes a load balancer's controller registers as targets (or speakers), in steady
 * state: every node counts as {@code Ready=True} (the manifests carry no node
 * conditions).
 */
public enum Registration {

	/**
	 * AWS Load Balancer Controller: the traffic-proxy label selector and
	 * {@code IsNodeSuitableAsTrafficProxy} ({@code pkg/backend/endpoint_utils.go}).
	 */
	AWS_LBC,

	/**
	 * The service controller's stable node set: not being deleted, not exclude-labelled,
	 * no {@code ToBeDeletedByClusterAutoscaler} taint
	 * ({@code kubernetes/cloud-provider controllers/service/controller.go},
	 * {@code stableNodeSetPredicates}).
	 */
	STABLE_NODE_SET,

	/**
	 * ingress-gce's candidate nodes: no {@code ToBeDeletedByClusterAutoscaler} taint, not
	 * master- or exclude-labelled ({@code zone_getter.go} {@code nodePredicateInternal}).
	 */
	GKE_CANDIDATES,

	/**
	 * MetalLB speakers: every node not exclude-labelled ({@code layer2_controller.go}
	 * {@code speakersForAds}).
	 */
	METALLB_SPEAKERS,

	/** R20: every node; kube-proxy's {@code /healthz} takes deleting nodes out. */
	ALL_NODES;

	static final String EXCLUDE_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";

	static final String LEGACY_EXCLUDE_LABEL = "alpha.service-controller.kubernetes.io/exclude-balancer";

	static final String MASTER_LABEL = "node-role.kubernetes.io/master";

	static final String COMPUTE_TYPE_LABEL = "eks.amazonaws.com/compute-type";

	static final String KARPENTER_DISRUPTED = "karpenter.sh/disrupted";

	/** Whether the controller registers {@code node}. */
	public boolean registers(Node node) {
		Map<String, String> labels = node.labels();
		return switch (this) {
			case AWS_LBC -> !labels.containsKey(MASTER_LABEL) && !labels.containsKey(EXCLUDE_LABEL)
					&& !labels.containsKey(LEGACY_EXCLUDE_LABEL) && !"fargate".equals(labels.get(COMPUTE_TYPE_LABEL))
					&& !hasTaint(node, Taint.TO_BE_DELETED_KEY, null)
					&& !hasTaint(node, KARPENTER_DISRUPTED, "NoSchedule");
			case STABLE_NODE_SET ->
				!node.deleting() && !excluded(labels) && !hasTaint(node, Taint.TO_BE_DELETED_KEY, null);
			case GKE_CANDIDATES -> !labels.containsKey(MASTER_LABEL) && !labels.containsKey(EXCLUDE_LABEL)
					&& !hasTaint(node, Taint.TO_BE_DELETED_KEY, null);
			case METALLB_SPEAKERS -> !labels.containsKey(EXCLUDE_LABEL);
			case ALL_NODES -> true;
		};
	}

	/** {@code nodeIncludedPredicate}: the label excludes unless its value is "false". */
	private static boolean excluded(Map<String, String> labels) {
		String value = labels.get(EXCLUDE_LABEL);
		return value != null && !"false".equalsIgnoreCase(value.trim());
	}

	private static boolean hasTaint(Node node, String key, @Nullable String effect) {
		for (Taint taint : node.taints()) {
			if (key.equals(taint.key()) && (effect == null || effect.equals(taint.effect()))) {
				return true;
			}
		}
		return false;
	}

}
