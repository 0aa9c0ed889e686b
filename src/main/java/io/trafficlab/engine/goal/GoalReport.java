package io.trafficlab.engine.goal;

import java.util.List;

/**
 * How a goal stands: one line per condition.
 *
 * @param lines the conditions with their verdicts, in the goal's order
 */
public record GoalReport(List<Line> lines) {

	public GoalReport {
		lines = List.copyOf(lines);
	}

	/** Whether every condition holds. */
	public boolean achieved() {
		return this.lines.stream().allMatch((line) -> line.verdict().holds());
	}

	/**
	 * One condition and its verdict.
	 *
	 * @param condition the condition in words
	 * @param verdict whether it holds, and why
	 */
	public record Line(String condition, ConditionVerdict verdict) {
	}

}
