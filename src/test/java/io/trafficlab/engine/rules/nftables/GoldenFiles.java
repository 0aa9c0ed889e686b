package io.trafficlab.engine.rules.nftables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under {@code src/test/resources/rules/nftables/}; run with
 * {@code -Dgolden.write=true} to write a missing one (then read it line by line against
 * upstream's {@code TestOverallNFTablesRules} before committing it).
 */
final class GoldenFiles {

	private static final Path DIRECTORY = Path.of("src/test/resources/rules/nftables");

	private GoldenFiles() {
	}

	static void assertMatches(String name, String actual) throws IOException {
		Path file = DIRECTORY.resolve(name + ".nft");
		if (!Files.exists(file) && Boolean.getBoolean("golden.write")) {
			Files.createDirectories(DIRECTORY);
			Files.writeString(file, actual, StandardCharsets.UTF_8);
		}
		assertThat(file).as("golden file %s", file).exists();
		String expected = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(actual.lines()).as(name).containsExactlyElementsOf(expected.lines().toList());
	}

}
