package io.trafficlab.engine.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One {@code topologySpreadConstraints} entry of a pod template.
 *
 * @param maxSkew how far the matching-pod count of a domain may exceed the least
 * populated domain
 * @param topologyKey the node label that defines domains, e.g.
 * {@code kubernetes.io/hostname} or {@code topology.kubernetes.io/zone}
 * @param whenUnsatisfiable {@code DoNotSchedule} (a filter) or {@code ScheduleAnyway} (a
 * preference)
 * @param labelSelector which pods count; {@code null} counts none
 * @param minDomains when fewer eligible domains exist, the global minimum counts as 0; or
 * {@code null}
 * @param nodeAffinityPolicy {@code Honor} (default: only nodes matching the pod's
 * nodeSelector form domains) or {@code Ignore}
 * @param nodeTaintsPolicy {@code Ignore} (default: tainted nodes still form domains) or
 * {@code Honor}
 * @param matchLabelKeys pod label keys whose values, taken from the pod being placed, are
 * added to the selector (KEP-3243): {@code [pod-template-hash]} counts only the pods of
 * the same ReplicaSet, so a rollout's old pods do not skew the new ones; a key the pod
 * does not carry is ignored
 */
public record TopologySpreadConstraint(int maxSkew, String topologyKey, String whenUnsatisfiable,
		@Nullable LabelSelector labelSelector, @Nullable Integer minDomains, @Nullable String nodeAffinityPolicy,
		@Nullable String nodeTaintsPolicy, List<String> matchLabelKeys) {

	public TopologySpreadConstraint {
		matchLabelKeys = List.copyOf(matchLabelKeys);
	}

	/** A constraint without matchLabelKeys. */
	public TopologySpreadConstraint(int maxSkew, String topologyKey, String whenUnsatisfiable,
			@Nullable LabelSelector labelSelector, @Nullable Integer minDomains, @Nullable String nodeAffinityPolicy,
			@Nullable String nodeTaintsPolicy) {
		this(maxSkew, topologyKey, whenUnsatisfiable, labelSelector, minDomains, nodeAffinityPolicy, nodeTaintsPolicy,
				List.of());
	}

	public static final String HOSTNAME = "kubernetes.io/hostname";

	public static final String ZONE = "topology.kubernetes.io/zone";

	public static final String DO_NOT_SCHEDULE = "DoNotSchedule";

	public static final String SCHEDULE_ANYWAY = "ScheduleAnyway";

	/** A constraint with the default policies and no minDomains. */
	public static TopologySpreadConstraint of(int maxSkew, String topologyKey, String whenUnsatisfiable,
			@Nullable LabelSelector labelSelector) {
		return new TopologySpreadConstraint(maxSkew, topologyKey, whenUnsatisfiable, labelSelector, null, null, null);
	}

	/**
	 * The pods this constraint counts when it places a pod labelled {@code podLabels}:
	 * the label selector, and for each of {@link #matchLabelKeys} the pod carries, that
	 * key with the pod's value (kube-scheduler's podtopologyspread
	 * {@code filterTopologySpreadConstraints}, {@code mergeLabelSetWithSelector}).
	 */
	public @Nullable LabelSelector selectorFor(Map<String, String> podLabels) {
		if (this.labelSelector == null || this.matchLabelKeys.isEmpty()) {
			return this.labelSelector;
		}
		List<LabelSelector.Requirement> requirements = new ArrayList<>(this.labelSelector.matchExpressions());
		for (String key : this.matchLabelKeys) {
			String value = podLabels.get(key);
			if (value != null) {
				requirements.add(new LabelSelector.Requirement(key, "In", List.of(value)));
			}
		}
		return new LabelSelector(this.labelSelector.matchLabels(), requirements);
	}

	/** Whether the constraint is a filter rather than a preference. */
	public boolean hard() {
		return DO_NOT_SCHEDULE.equals(this.whenUnsatisfiable);
	}

	boolean honorsNodeAffinity() {
		return !"Ignore".equals(this.nodeAffinityPolicy);
	}

	boolean honorsTaints() {
		return "Honor".equals(this.nodeTaintsPolicy);
	}

}
