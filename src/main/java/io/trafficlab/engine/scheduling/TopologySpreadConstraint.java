package io.trafficlab.engine.scheduling;

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
 */
public record TopologySpreadConstraint(int maxSkew, String topologyKey, String whenUnsatisfiable,
		@Nullable LabelSelector labelSelector, @Nullable Integer minDomains, @Nullable String nodeAffinityPolicy,
		@Nullable String nodeTaintsPolicy) {

	public static final String HOSTNAME = "kubernetes.io/hostname";

	public static final String ZONE = "topology.kubernetes.io/zone";

	public static final String DO_NOT_SCHEDULE = "DoNotSchedule";

	public static final String SCHEDULE_ANYWAY = "ScheduleAnyway";

	/** A constraint with the default policies and no minDomains. */
	public static TopologySpreadConstraint of(int maxSkew, String topologyKey, String whenUnsatisfiable,
			@Nullable LabelSelector labelSelector) {
		return new TopologySpreadConstraint(maxSkew, topologyKey, whenUnsatisfiable, labelSelector, null, null, null);
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
