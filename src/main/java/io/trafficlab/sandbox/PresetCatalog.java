package io.trafficlab.sandbox;

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

import io.trafficlab.system.ParameterChoices;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The presets bundled under {@code presets/*.yaml}, the default one first, then by name.
 */
@Component
public class PresetCatalog {

	/** The preset a sandbox starts from when none is named. */
	public static final String DEFAULT = "two-pods-three-nodes";

	private static final String LOCATION = "classpath*:presets/*.yaml";

	private static final Pattern TITLE = Pattern.compile("^#\\s*title:\\s*(.+?)\\s*$", Pattern.MULTILINE);

	private static final Pattern DESCRIPTION = Pattern.compile("^#\\s*description:\\s*(.+?)\\s*$", Pattern.MULTILINE);

	private final List<Preset> presets;

	PresetCatalog() {
		this.presets = load();
	}

	public List<Preset> all() {
		return this.presets;
	}

	public Optional<Preset> find(@Nullable String name) {
		return this.presets.stream().filter((preset) -> preset.name().equals(name)).findFirst();
	}

	/**
	 * The preset named, or the default one when no name is given; an unknown name is
	 * refused with the names allowed.
	 */
	Preset require(@Nullable String name) {
		String presetName = (name == null || name.isBlank()) ? DEFAULT : name;
		return find(presetName).orElseThrow(() -> SandboxRequestException.badValue(
				ParameterChoices.notOneOf("preset", this.presets.stream().map(Preset::name).toList(), presetName)));
	}

	private static List<Preset> load() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			return Arrays.stream(resources)
				.map(PresetCatalog::read)
				.sorted(Comparator.comparing((Preset preset) -> !preset.name().equals(DEFAULT))
					.thenComparing(Preset::name))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + LOCATION, ex);
		}
	}

	private static Preset read(Resource resource) {
		String fileName = String.valueOf(resource.getFilename());
		String name = fileName.substring(0, fileName.length() - ".yaml".length());
		try (InputStream in = resource.getInputStream()) {
			String manifests = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new Preset(name, comment(TITLE, manifests, name), comment(DESCRIPTION, manifests, ""), manifests);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read preset " + fileName, ex);
		}
	}

	private static String comment(Pattern pattern, String manifests, String fallback) {
		Matcher matcher = pattern.matcher(manifests);
		return matcher.find() ? matcher.group(1) : fallback;
	}

}
