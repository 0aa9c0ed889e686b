package io.trafficlab.teaching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bundled challenges as the application reads them, with the presets read straight
 * from the classpath.
 */
final class BundledChallenges {

	private BundledChallenges() {
	}

	static ChallengeCatalog catalog() {
		return catalog(ChallengeCatalog.LOCATION);
	}

	static ChallengeCatalog catalog(String location) {
		return new ChallengeCatalog(location, BundledChallenges::preset);
	}

	static Optional<String> preset(String name) {
		try (InputStream in = BundledChallenges.class.getResourceAsStream("/presets/" + name + ".yaml")) {
			return (in != null) ? Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
