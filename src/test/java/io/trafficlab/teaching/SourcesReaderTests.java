package io.trafficlab.teaching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.teaching.LessonCatalog.LessonSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcesReaderTests {

	private static final StepStates STATES = new StepStates(SourcesReaderTests::preset, new ManifestImporter());

	private static final String SOURCE = """
			      - claim: "n3 fails the health check"
			        source: "kubernetes/kubernetes pkg/proxy/healthcheck/service_health.go, ServeHTTP"
			        url: "https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/proxy/healthcheck/service_health.go"
			        version: "v1.34.0"
			""";

	private static final String LESSON = """
			id: small
			title: A small lesson
			summary: Two pods.
			steps:
			  - title: First
			    text: Look at `n3`.
			    sandbox:
			      preset: two-pods-three-nodes
			    sources:
			""" + SOURCE;

	private static final String CHALLENGE = """
			title: Make n3 pass
			brief: Make n3 pass the health check.
			start:
			  preset: two-pods-three-nodes
			  policy: Local
			goal:
			  - healthCheck: {node: n3, passes: true}
			hints:
			  - Look at the health checks.
			  - Put a pod on n3.
			solution: A pod on n3 makes it answer 200.
			sources:
			""" + SOURCE.replace("      - ", "  - ").replace("        ", "    ");

	private static final ClaimSource EXPECTED = new ClaimSource("n3 fails the health check",
			"kubernetes/kubernetes pkg/proxy/healthcheck/service_health.go, ServeHTTP",
			"https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/proxy/healthcheck/service_health.go", "v1.34.0");

	@Test
	void aStepCarriesItsSources() {
		LessonStep step = lesson(LESSON).find("small").orElseThrow().step(1);

		assertThat(step.sources()).containsExactly(EXPECTED);
		assertThat(step.sources().get(0).host()).isEqualTo("github.com");
	}

	@Test
	void aStepWithoutSourcesHasNone() {
		LessonStep step = lesson(LESSON.substring(0, LESSON.indexOf("    sources:"))).find("small")
			.orElseThrow()
			.step(1);

		assertThat(step.sources()).isEmpty();
	}

	@Test
	void aChallengeCarriesItsSources() {
		Challenge challenge = new ChallengeReader(BundledChallenges::preset).read("n3", CHALLENGE);

		assertThat(challenge.sources()).containsExactly(EXPECTED);
	}

	@Test
	void everyKeyIsRequiredAndTheErrorNamesTheFileTheStepAndTheKey() {
		String withoutSources = LESSON.substring(0, LESSON.indexOf("    sources:"));
		for (String key : SourcesReader.KEYS) {
			String entry = SourcesReader.KEYS.stream()
				.filter((other) -> !other.equals(key))
				.map((other) -> other + ": \"https://example.org/" + other + "\"")
				.reduce((a, b) -> a + ", " + b)
				.orElseThrow();
			assertThatThrownBy(() -> lesson(withoutSources + "    sources:\n      - {" + entry + "}\n")).as(key)
				.isInstanceOf(LessonFileException.class)
				.hasMessage("Lesson file 01-small.yaml: step 1, source 1 needs \"" + key
						+ "\" (a source has [claim, source, url, version])");
		}
	}

	@Test
	void aChallengeSourceMissingAKeyNamesTheChallengeAndTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChallengeReader(BundledChallenges::preset).read("n3",
					CHALLENGE.replaceAll("(?m)^    version:.*\n", "")))
			.withMessage("the challenge, source 1 needs \"version\" (a source has [claim, source, url, version])");
	}

	@Test
	void otherMistakesSayWhereAndWhatIsExpected() {
		assertThatThrownBy(() -> lesson(LESSON.replace("        version:", "        release:")))
			.hasMessage("Lesson file 01-small.yaml: step 1, source 1: unknown field \"release\", expected one of "
					+ "[claim, source, url, version]");
		assertThatThrownBy(() -> lesson(LESSON.replace("url: \"https://github.com", "url: \"github.com")))
			.hasMessageStartingWith("Lesson file 01-small.yaml: step 1, source 1 (url): expected an http(s) address");
		assertThatThrownBy(() -> lesson(LESSON.replace("version: \"v1.34.0\"", "version: \" \"")))
			.hasMessage("Lesson file 01-small.yaml: step 1, source 1 (version): expected text, got \" \"");
		assertThatThrownBy(
				() -> lesson(LESSON.substring(0, LESSON.indexOf("    sources:")) + "    sources: Kubernetes\n"))
			.hasMessage("Lesson file 01-small.yaml: step 1's \"sources\" must be a list of maps with "
					+ "[claim, source, url, version]");
		assertThatThrownBy(() -> lesson(LESSON.substring(0, LESSON.indexOf("    sources:")) + "    sources: [docs]\n"))
			.hasMessage("Lesson file 01-small.yaml: step 1, source 1 must be a map with [claim, source, url, version]");
	}

	private static LessonCatalog lesson(String content) {
		return LessonCatalog.read(List.of(new LessonSource("01-small.yaml", content)), STATES);
	}

	private static Optional<String> preset(String name) {
		try (InputStream in = SourcesReaderTests.class.getResourceAsStream("/presets/" + name + ".yaml")) {
			return (in != null) ? Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
