package io.trafficlab.engine.goal;

import java.util.List;

/**
 * Conditions that must all hold at once.
 *
 * @param conditions the conditions, in the order the learner reads them
 */
public record Goal(List<Condition> conditions) {

	public Goal {
		conditions = List.copyOf(conditions);
		if (conditions.isEmpty()) {
			throw new IllegalArgumentException("A goal needs at least one condition");
		}
	}

	/** Checks every condition against {@code subject}. */
	public GoalReport check(GoalSubject subject) {
		return new GoalReport(this.conditions.stream()
			.map((condition) -> new GoalReport.Line(condition.describe(subject), condition.check(subject)))
			.toList());
	}

}
