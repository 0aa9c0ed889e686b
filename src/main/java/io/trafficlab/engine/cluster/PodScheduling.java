package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.scheduling.Toleration;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;

import org.jspecify.annotations.Nullable;

/**
 * The scheduling part of a pod spec (a Pod's or a workload's pod template).
 *
 * @param nodeName {@code spec.nodeName}, or {@code null}
 * @param nodeSelector {@code spec.nodeSelector}
 * @param tolerations {@code spec.tolerations}
 * @param spreadConstraints {@code spec.topologySpreadConstraints}
 */
public record PodScheduling(@Nullable String nodeName, Map<String, String> nodeSelector, List<Toleration> tolerations,
		List<TopologySpreadConstraint> spreadConstraints) {

	/** No constraints at all. */
	public static final PodScheduling ANYWHERE = new PodScheduling(null, Map.of(), List.of(), List.of());

	public PodScheduling {
		nodeSelector = Map.copyOf(nodeSelector);
		tolerations = List.copyOf(tolerations);
		spreadConstraints = List.copyOf(spreadConstraints);
	}

	/** Bound to a node with {@code spec.nodeName}. */
	public static PodScheduling on(String nodeName) {
		return new PodScheduling(nodeName, Map.of(), List.of(), List.of());
	}

}
