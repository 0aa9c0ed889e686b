package io.trafficlab.analyzer;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.trafficlab.system.BundledFile;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The example clusters bundled under {@code examples/*.yaml}, each starting with a
 * {@code # title: ...} comment.
 */
@Component
class ExampleCatalog {

	private static final String LOCATION = "classpath*:examples/*.yaml";

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
		return BundledFile.all(LOCATION)
			.stream()
			.map((file) -> new ManifestExample(file.name(), file.comment("title", file.name()), file.text()))
			.sorted(Comparator.comparing(ManifestExample::name))
			.toList();
	}

}
