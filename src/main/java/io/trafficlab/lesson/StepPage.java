package io.trafficlab.lesson;

import java.util.List;

import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonStep;
import org.jspecify.annotations.Nullable;

/**
 * What a step page shows besides the playground.
 *
 * @param lesson the lesson
 * @param number the step's number, 1-based
 * @param step the step
 * @param url the step's own URL
 * @param previousUrl the previous step's URL, or {@code null} on the first
 * @param nextUrl the next step's URL, or {@code null} on the last
 * @param nextLesson the next lesson, shown on the last step, or {@code null}
 * @param stepUrls every step's URL, for the progress list
 */
public record StepPage(Lesson lesson, int number, LessonStep step, String url, @Nullable String previousUrl,
		@Nullable String nextUrl, @Nullable Lesson nextLesson, List<String> stepUrls) {

	static String url(Lesson lesson, int number) {
		return "/lessons/" + lesson.id() + "/" + number;
	}

	static StepPage of(Lesson lesson, int number, @Nullable Lesson nextLesson) {
		List<String> urls = java.util.stream.IntStream.rangeClosed(1, lesson.steps().size())
			.mapToObj((n) -> url(lesson, n))
			.toList();
		return new StepPage(lesson, number, lesson.step(number), url(lesson, number),
				(number > 1) ? url(lesson, number - 1) : null,
				(number < lesson.steps().size()) ? url(lesson, number + 1) : null,
				(number == lesson.steps().size()) ? nextLesson : null, urls);
	}

	public boolean last() {
		return this.number == this.lesson.steps().size();
	}

}
