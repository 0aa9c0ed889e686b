package io.trafficlab.engine.scheduling;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the scheduler needs to know about a pod (or every replica of a pod template).
 *
 * @param namespace the pod's namespace (spread constraints count pods in it)
 * @param labels the pod's labels
 * @param nodeName {@code spec.nodeName}: the pod bypasses the scheduler and runs there;
 * or {@code null}
 * @param nodeSelector {@code spec.nodeSelector}
 * @param tolerations {@code spec.tolerations}
 * @param spreadConstraints {@code spec.topologySpreadConstraints}
 * @param ownerSelector the selector of the workload (or Service) the pod belongs to: what
 * default spreading counts; {@code null} when none
 */
public record PodRequirements(String namespace, Map<String, String> labels, @Nullable String nodeName,
		Map<String, String> nodeSelector, List<Toleration> tolerations,
		List<TopologySpreadConstraint> spreadConstraints, @Nullable LabelSelector ownerSelector) {

	public PodRequirements {
		labels = Map.copyOf(labels);
		nodeSelector = Map.copyOf(nodeSelector);
		tolerations = List.copyOf(tolerations);
		spreadConstraints = List.copyOf(spreadConstraints);
	}

	/** A pod with nothing but labels, counted by its own labels for default spreading. */
	public static PodRequirements simple(String namespace, Map<String, String> labels) {
		return new PodRequirements(namespace, labels, null, Map.of(), List.of(), List.of(), LabelSelector.of(labels));
	}

}
