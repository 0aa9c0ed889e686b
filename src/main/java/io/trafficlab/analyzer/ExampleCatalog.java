package io.trafficlab.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The example clusters bundled under {@code examples/*.yaml}, each starting with a
 * {@code # title: ...} comment.
 */
@Component
class ExampleCatalog {

	private static final String LOCATION = "classpath*:examples/*.yaml";

	private static final Pattern TITLE = Pattern.compile("^#\\s*title:\\s*(.+?)\\s*$", Pattern.MULTILINE);

	private final List<ManifestExample> examples;

	ExampleCatalog() {
		this.examples = load();
	}

	List<ManifestExample> all() {
		return this.examples;
	}

	Optional<ManifestExample> find(@Nullable String name) {
		return this.examples.stream().filter((example) -> example.name().equals(name)).findFirst();
	}

	/**
	 * The example whose text the manifests are, unedited (a browser sends a textarea's
	 * line breaks as CRLF).
	 */
	Optional<ManifestExample> matching(String manifests) {
		String text = manifests.replace("\r\n", "\n").strip();
		return this.examples.stream().filter((example) -> example.manifests().strip().equals(text)).findFirst();
	}

	private static List<ManifestExample> load() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			return Arrays.stream(resources)
				.map(ExampleCatalog::read)
				.sorted(Comparator.comparing(ManifestExample::name))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + LOCATION, ex);
		}
	}

	private static ManifestExample read(Resource resource) {
		String fileName = String.valueOf(resource.getFilename());
		String name = fileName.substring(0, fileName.length() - ".yaml".length());
		try (InputStream in = resource.getInputStream()) {
			String manifests = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new ManifestExample(name, titleOf(manifests, name), manifests);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read example " + fileName, ex);
		}
	}

	private static String titleOf(String manifests, String fallback) {
		Matcher matcher = TITLE.matcher(manifests);
		return matcher.find() ? matcher.group(1) : fallback;
	}

}
