package io.trafficlab.lesson;

import io.trafficlab.teaching.LessonStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controls a lesson step shows at once: the clock and the policy, plus what its
 * questions change and what its sandbox starts away from the default.
 */
class StepControlsTests {

	@Test
	void aStepThatOnlyTogglesThePolicyShowsTheClockAndThePolicy() {
		assertThat(StepControls.of(step("uneven-distribution", 1))).containsExactly("play", "pause", "policy");
	}

	@Test
	void aStepWhoseQuestionsOnlyMovePodsLeavesThemToTheCanvas() {
		assertThat(StepControls.of(step("uneven-distribution", 2))).containsExactly("play", "pause", "policy");
	}

	@Test
	void aQuestionThatScalesShowsReplicas() {
		assertThat(StepControls.of(step("local-health-check", 2))).containsExactly("play", "pause", "policy",
				"replicas");
	}

	@Test
	void aStepOnAnotherNetworkShowsThePodNetworkOnce() {
		assertThat(StepControls.of(step("cluster-client-ip", 4))).containsExactly("play", "pause", "policy", "network");
	}

	@Test
	void aStepBehindAnotherLoadBalancerShowsTheLoadBalancerChoice() {
		assertThat(StepControls.of(step("which-load-balancer", 1))).contains("lb-kind");
	}

	private static LessonStep step(String lesson, int number) {
		return BundledLessonsTests.CATALOG.find(lesson).orElseThrow().step(number);
	}

}
