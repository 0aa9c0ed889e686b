package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.system.BundledFile;
import io.trafficlab.system.OnFirstUse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The challenges bundled under {@code challenges/*.yaml}, read and checked once, in their
 * {@code order} (then by id). The application's catalogue reads them when first asked, so
 * that start-up does not wait for them, and {@code CatalogueCheck} asks right after
 * start-up: a broken file stops the application with a message that names the file and
 * the place in it.
 */
@Component
public class ChallengeCatalog {

	static final String LOCATION = "classpath*:challenges/*.yaml";

	private final Supplier<List<Challenge>> challenges;

	/** The bundled challenges, read when first asked for. */
	@Autowired
	ChallengeCatalog(PresetCatalog presets) {
		this.challenges = new OnFirstUse<>(() -> read(LOCATION, (name) -> presets.find(name).map(Preset::manifests)));
	}

	/**
	 * Reads the files now.
	 * @param location the files, as a Spring resource pattern
	 * @param presets the manifests of a preset by name
	 * @throws IllegalStateException naming the broken file and what is wrong in it
	 */
	ChallengeCatalog(String location, Function<String, Optional<String>> presets) {
		List<Challenge> read = read(location, presets);
		this.challenges = () -> read;
	}

	private static List<Challenge> read(String location, Function<String, Optional<String>> presets) {
		ChallengeReader reader = new ChallengeReader(presets);
		List<Challenge> read = new ArrayList<>();
		for (BundledFile bundled : BundledFile.all(location)) {
			String file = "challenges/" + bundled.fileName();
			try {
				Challenge challenge = reader.read(bundled.name(), bundled.text());
				ChallengeCheck.check(challenge);
				read.add(challenge);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Challenge file " + file + " is broken: " + ex.getMessage(), ex);
			}
		}
		read.sort(Comparator.comparingInt(Challenge::order).thenComparing(Challenge::id));
		return List.copyOf(read);
	}

	/**
	 * Every challenge.
	 * @throws IllegalStateException naming the broken file, when one is
	 */
	public List<Challenge> all() {
		return this.challenges.get();
	}

	public Optional<Challenge> find(@Nullable String id) {
		return all().stream().filter((challenge) -> challenge.id().equals(id)).findFirst();
	}

}
