package io.trafficlab.lesson;

import java.util.List;

import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.system.BundledFile;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.LessonCatalog.LessonSource;
import io.trafficlab.teaching.StepStates;
import io.trafficlab.teaching.TeachingSandboxes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bundled lessons ({@code lessons/*.yaml}), read when first asked for, which
 * {@code CatalogueCheck} does right after start-up: a broken file stops the application
 * with a message naming the file and the place.
 */
@Configuration(proxyBeanMethods = false)
class LessonConfiguration {

	static final String LOCATION = "classpath*:lessons/*.yaml";

	@Bean
	StepStates stepStates(PresetCatalog presets, ManifestImporter importer) {
		return new StepStates((name) -> presets.find(name).map(Preset::manifests), importer);
	}

	@Bean
	LessonCatalog lessonCatalog(StepStates states) {
		return LessonCatalog.onFirstUse(LessonConfiguration::bundled, states);
	}

	@Bean
	TeachingSandboxes teachingSandboxes(SandboxRegistry sandboxes, LessonCatalog lessons) {
		return new TeachingSandboxes(sandboxes, lessons);
	}

	/** Every bundled lesson file. */
	static List<LessonSource> bundled() {
		return BundledFile.all(LOCATION)
			.stream()
			.map((file) -> new LessonSource("lessons/" + file.fileName(), file.text()))
			.toList();
	}

}
