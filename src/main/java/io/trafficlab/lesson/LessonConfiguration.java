package io.trafficlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.LessonCatalog.LessonSource;
import io.trafficlab.teaching.StepStates;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the bundled lessons ({@code lessons/*.yaml}) at start-up; a broken file stops the
 * application with a message naming the file and the place.
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
		return LessonCatalog.read(bundled(), states);
	}

	/** Every bundled lesson file. */
	static List<LessonSource> bundled() {
		try {
			List<LessonSource> sources = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				try (InputStream in = resource.getInputStream()) {
					sources.add(new LessonSource("lessons/" + resource.getFilename(),
							new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
	}

}
