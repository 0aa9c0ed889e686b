package io.trafficlab.export;

import java.util.List;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.scheduling.LabelSelector;
import org.jspecify.annotations.Nullable;

/**
 * The scheduling part of a pod spec, and label selectors.
 */
final class Scheduling {

	private Scheduling() {
	}

	static PodSpec spec(PodScheduling scheduling, PodShutdown shutdown, Containers containers) {
		return new PodSpecBuilder().withNodeName(scheduling.nodeName())
			.withTerminationGracePeriodSeconds(shutdown.gracePeriodSeconds())
			.withNodeSelector(Metadata.sorted(scheduling.nodeSelector()))
			.withTolerations(scheduling.tolerations()
				.stream()
				.map((toleration) -> new TolerationBuilder().withKey(toleration.key())
					.withOperator(toleration.operator())
					.withValue(toleration.value())
					.withEffect(toleration.effect())
					.build())
				.toList())
			.withTopologySpreadConstraints(scheduling.spreadConstraints()
				.stream()
				.map((constraint) -> new TopologySpreadConstraintBuilder().withMaxSkew(constraint.maxSkew())
					.withTopologyKey(constraint.topologyKey())
					.withWhenUnsatisfiable(constraint.whenUnsatisfiable())
					.withLabelSelector(selector(constraint.labelSelector()))
					.withMinDomains(constraint.minDomains())
					.withNodeAffinityPolicy(constraint.nodeAffinityPolicy())
					.withNodeTaintsPolicy(constraint.nodeTaintsPolicy())
					.withMatchLabelKeys(constraint.matchLabelKeys().isEmpty() ? null : constraint.matchLabelKeys())
					.build())
				.toList())
			.withContainers(containers.list(shutdown))
			.build();
	}

	static io.fabric8.kubernetes.api.model.@Nullable LabelSelector selector(@Nullable LabelSelector selector) {
		if (selector == null) {
			return null;
		}
		List<io.fabric8.kubernetes.api.model.LabelSelectorRequirement> expressions = selector.matchExpressions()
			.stream()
			.map((requirement) -> new LabelSelectorRequirementBuilder().withKey(requirement.key())
				.withOperator(requirement.operator())
				.withValues(requirement.values())
				.build())
			.toList();
		return new LabelSelectorBuilder().withMatchLabels(Metadata.sorted(selector.matchLabels()))
			.withMatchExpressions(expressions)
			.build();
	}

}
