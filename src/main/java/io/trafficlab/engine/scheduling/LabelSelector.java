package io.trafficlab.engine.scheduling;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector: every {@code matchLabels} pair and every
 * {@code matchExpressions} requirement must hold. An empty selector matches everything.
 *
 * @param matchLabels labels that must be present with these values
 * @param matchExpressions further requirements
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

	/** Matches every label set. */
	public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

	public LabelSelector {
		matchLabels = Map.copyOf(matchLabels);
		matchExpressions = List.copyOf(matchExpressions);
	}

	/** A selector of {@code matchLabels} only. */
	public static LabelSelector of(Map<String, String> matchLabels) {
		return new LabelSelector(matchLabels, List.of());
	}

	public boolean matches(Map<String, String> labels) {
		for (Map.Entry<String, String> wanted : this.matchLabels.entrySet()) {
			if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
				return false;
			}
		}
		for (Requirement requirement : this.matchExpressions) {
			if (!requirement.matches(labels)) {
				return false;
			}
		}
		return true;
	}

	public boolean isEmpty() {
		return this.matchLabels.isEmpty() && this.matchExpressions.isEmpty();
	}

	/**
	 * One {@code matchExpressions} entry.
	 *
	 * @param key the label key
	 * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
	 * @param values the values for {@code In} and {@code NotIn}
	 */
	public record Requirement(String key, String operator, List<String> values) {

		public Requirement {
			values = List.copyOf(values);
		}

		public boolean matches(Map<String, String> labels) {
			String value = labels.get(this.key);
			return switch (this.operator) {
				case "In" -> value != null && this.values.contains(value);
				case "NotIn" -> value == null || !this.values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> false;
			};
		}

	}

}
