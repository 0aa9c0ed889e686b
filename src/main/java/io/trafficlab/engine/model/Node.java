package io.trafficlab.engine.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A cluster node with every address filled in.
 *
 * @param name the node name
 * @param labels the node labels (used by the scheduler's nodeSelector and topology keys)
 * @param zone the value of {@code topology.kubernetes.io/zone}, or {@code null} when
 * missing or empty
 * @param internalIp the node's InternalIP
 * @param podCidr the node's pod CIDR, e.g. {@code 10.244.1.0/24}
 * @param bridgeIp the pod bridge gateway, the first address of the pod CIDR (R15)
 * @param taints the node taints
 * @param deleting whether the node has a {@code deletionTimestamp}
 * @param proxyHealthy whether kube-proxy on this node has applied its rules in time (R19)
 * @param unschedulable whether the node is cordoned ({@code spec.unschedulable})
 */
public record Node(String name, Map<String, String> labels, @Nullable String zone, String internalIp, String podCidr,
		String bridgeIp, List<Taint> taints, boolean deleting, boolean proxyHealthy, boolean unschedulable) {

	public Node {
		labels = Map.copyOf(labels);
		taints = List.copyOf(taints);
	}

	/**
	 * Whether kube-proxy considers this node eligible to receive traffic (R19
	 * {@code nodeEligible}).
	 */
	public boolean eligible() {
		if (this.deleting) {
			return false;
		}
		// a loop, not a stream: the analyzer asks once per node
		for (Taint taint : this.taints) {
			if (Taint.TO_BE_DELETED_KEY.equals(taint.key())) {
				return false;
			}
		}
		return true;
	}

}
