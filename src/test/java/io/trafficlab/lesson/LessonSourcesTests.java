package io.trafficlab.lesson;

import java.util.List;

import io.trafficlab.teaching.ClaimSource;
import io.trafficlab.teaching.LessonStep;
import io.trafficlab.teaching.StatedFigures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure a bundled lesson states has a source on its step, and every source is one
 * a reader can open (docs/lessons.md, "Sources").
 */
class LessonSourcesTests {

	static java.util.stream.Stream<BundledLessonsTests.StepCase> steps() {
		return BundledLessonsTests.steps();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("steps")
	void aStepThatStatesAFigureHasASource(BundledLessonsTests.StepCase step) {
		LessonStep lessonStep = step.lesson().step(step.step());
		List<String> figures = StatedFigures.in(lessonStep);

		if (!figures.isEmpty()) {
			assertThat(lessonStep.sources()).as("%s states %s without a source", step, figures).isNotEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("steps")
	void everySourceIsAnHttpsAddressReadAtAVersion(BundledLessonsTests.StepCase step) {
		for (ClaimSource source : step.lesson().step(step.step()).sources()) {
			assertThat(source.url()).as("%s: %s", step, source.claim()).startsWith("https://");
			assertThat(source.version()).as("%s: %s", step, source.claim()).isNotBlank();
		}
	}

}
