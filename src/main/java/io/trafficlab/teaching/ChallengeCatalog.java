package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.system.BundledFile;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The challenges bundled under {@code challenges/*.yaml}, read and checked once at
 * start-up, in their {@code order} (then by id). A broken file stops the application with
 * a message that names the file and the place in it.
 */
@Component
public class ChallengeCatalog {

	static final String LOCATION = "classpath*:challenges/*.yaml";

	private final List<Challenge> challenges;

	@Autowired
	ChallengeCatalog(PresetCatalog presets) {
		this(LOCATION, (name) -> presets.find(name).map(Preset::manifests));
	}

	/**
	 * @param location the files, as a Spring resource pattern
	 * @param presets the manifests of a preset by name
	 * @throws IllegalStateException naming the broken file and what is wrong in it
	 */
	ChallengeCatalog(String location, Function<String, Optional<String>> presets) {
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
		this.challenges = List.copyOf(read);
	}

	public List<Challenge> all() {
		return this.challenges;
	}

	public Optional<Challenge> find(@Nullable String id) {
		return this.challenges.stream().filter((challenge) -> challenge.id().equals(id)).findFirst();
	}

}
