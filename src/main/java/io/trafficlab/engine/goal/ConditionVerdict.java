package io.trafficlab.engine.goal;

/**
 * Whether a condition holds right now, and what the sandbox shows that decides it.
 *
 * @param holds whether the condition holds
 * @param detail the deciding facts, for example
 * {@code "web-4 takes 1/2, 2× the mean 1/4"}
 */
public record ConditionVerdict(boolean holds, String detail) {

	static ConditionVerdict of(boolean holds, String detail) {
		return new ConditionVerdict(holds, detail);
	}

}
