package io.trafficlab.engine.rules.iptables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares generated rules with the files under {@code src/test/resources/rules/}. Run
 * with {@code -Dgolden.update=true} to rewrite them (then read the diff line by line).
 */
final class GoldenFiles {

	private GoldenFiles() {
	}

	static void assertMatches(String resource, String actual) {
		if (Boolean.getBoolean("golden.update")) {
			write(resource, actual);
			return;
		}
		assertThat(actual).as(resource).isEqualTo(read(resource));
	}

	static String read(String resource) {
		try (InputStream in = GoldenFiles.class.getResourceAsStream("/" + resource)) {
			if (in == null) {
				throw new IllegalStateException("no golden file " + resource + "; run with -Dgolden.update=true");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(String resource, String text) {
		try {
			Path path = Path.of("src/test/resources", resource);
			Files.createDirectories(path.getParent());
			Files.writeString(path, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
