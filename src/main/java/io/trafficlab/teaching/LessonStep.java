package io.trafficlab.teaching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One step of a lesson.
 *
 * @param title the step's title
 * @param text a few sentences with inline markup ({@link RichText})
 * @param sandbox the sandbox state the step opens with
 * @param curlNode the node whose health-check answer the step shows as a terminal, or
 * {@code null}
 * @param questions the "predict, then reveal" questions, possibly none
 * @param sources where the facts the step states come from ("Why we say this"), possibly
 * none
 */
public record LessonStep(String title, RichText text, StepSandbox sandbox, @Nullable String curlNode,
		List<Question> questions, List<ClaimSource> sources) {

	public LessonStep {
		questions = List.copyOf(questions);
		sources = List.copyOf(sources);
	}

}
