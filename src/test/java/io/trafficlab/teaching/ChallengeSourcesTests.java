package io.trafficlab.teaching;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure a bundled challenge states has a source, and every source is one a reader
 * can open (docs/lessons.md, "Sources").
 */
class ChallengeSourcesTests {

	private static final ChallengeCatalog CATALOG = BundledChallenges.catalog();

	static Stream<String> challenges() {
		return CATALOG.all().stream().map(Challenge::id);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("challenges")
	void aChallengeThatStatesAFigureHasASource(String id) {
		Challenge challenge = CATALOG.find(id).orElseThrow();
		List<String> figures = StatedFigures.in(challenge);

		if (!figures.isEmpty()) {
			assertThat(challenge.sources()).as("%s states %s without a source", challenge.id(), figures).isNotEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("challenges")
	void everySourceIsAnHttpsAddressReadAtAVersion(String id) {
		for (ClaimSource source : CATALOG.find(id).orElseThrow().sources()) {
			assertThat(source.url()).as("%s: %s", id, source.claim()).startsWith("https://");
			assertThat(source.version()).as("%s: %s", id, source.claim()).isNotBlank();
		}
	}

}
