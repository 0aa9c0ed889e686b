package io.trafficlab.teaching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.teaching.LessonCatalog.LessonSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundled catalogues are read after start-up, not during it, and a broken file still
 * stops the application, naming the file.
 */
class CatalogueCheckTests {

	private static final StepStates STATES = new StepStates(CatalogueCheckTests::preset, new ManifestImporter());

	private static final String BROKEN = """
			id: broken
			title: A broken lesson
			summary: Its step's sandbox names a preset that does not exist.
			steps:
			  - title: First
			    text: Look.
			    sandbox:
			      preset: no-such-preset
			""";

	@Test
	void aCatalogueIsReadWhenFirstAskedNotWhenMade() {
		AtomicInteger reads = new AtomicInteger();
		LessonCatalog lessons = LessonCatalog.onFirstUse(() -> {
			reads.incrementAndGet();
			return List.of();
		}, STATES);
		assertThat(reads).hasValue(0);
		assertThat(lessons.all()).isEmpty();
		assertThat(lessons.find("any")).isEmpty();
		assertThat(reads).hasValue(1);
	}

	@Test
	void aBrokenFileStopsTheApplicationNamingTheFile() {
		LessonCatalog lessons = LessonCatalog.onFirstUse(() -> List.of(new LessonSource("07-broken.yaml", BROKEN)),
				STATES);
		List<String> stops = new ArrayList<>();
		new CatalogueCheck(lessons, BundledChallenges.catalog(), stops::add).check();
		assertThat(stops).singleElement()
			.asString()
			.startsWith("Lesson file 07-broken.yaml, step 1's sandbox: ")
			.contains("no-such-preset");
		assertThatThrownBy(lessons::all).isInstanceOf(LessonFileException.class).hasMessage(stops.get(0));
	}

	@Test
	void theBundledCataloguesPass() {
		LessonCatalog lessons = LessonCatalog.onFirstUse(() -> List.of(), STATES);
		List<String> stops = new ArrayList<>();
		new CatalogueCheck(lessons, BundledChallenges.catalog(), stops::add).check();
		assertThat(stops).isEmpty();
	}

	private static Optional<String> preset(String name) {
		try (InputStream in = CatalogueCheckTests.class.getResourceAsStream("/presets/" + name + ".yaml")) {
			return (in != null) ? Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
