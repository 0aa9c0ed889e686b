package io.trafficlab.lesson;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 4's "Spread constraints during a rollout" says what happens without
 * {@code matchLabelKeys}: the old ReplicaSet's pods count, the first new pod must go to
 * n1 and the sandbox's scheduler puts a second there, leaving n3 without a new pod. Its
 * {@code expect} proves the fix; this proves the problem, with the step's own manifests.
 */
class RolloutSpreadLessonTests {

	private static final String FIX = "matchLabelKeys: [pod-template-hash]";

	@Test
	void withoutMatchLabelKeysTheOldPodsSkewTheNewOnes() {
		String manifests = step().sandbox().manifests();
		assertThat(manifests).contains(FIX);

		assertThat(newPodsPerNode(manifests)).isEqualTo(Map.of("n1", 1, "n2", 1, "n3", 1));
		assertThat(newPodsPerNode(manifests.replace(FIX, ""))).isEqualTo(Map.of("n1", 2, "n2", 1));
	}

	private static LessonStep step() {
		Lesson lesson = BundledLessonsTests.CATALOG.find("fixing-uneven-load").orElseThrow();
		return lesson.steps()
			.stream()
			.filter((step) -> step.title().equals("Spread constraints during a rollout"))
			.findFirst()
			.orElseThrow();
	}

	/** Where the Deployment's pods (not the old ReplicaSet's) are placed. */
	private static Map<String, Integer> newPodsPerNode(String manifests) {
		Cluster cluster = new ManifestImporter()
			.read(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
			.cluster();
		Map<String, Integer> counts = new TreeMap<>();
		for (Pod pod : cluster.pods()) {
			if (!pod.name().startsWith("web-old-")) {
				counts.merge(pod.nodeName(), 1, Integer::sum);
			}
		}
		return counts;
	}

}
