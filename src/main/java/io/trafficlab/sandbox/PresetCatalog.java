package io.trafficlab.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.trafficlab.system.BundledFile;
import io.trafficlab.system.ParameterChoices;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The presets bundled under {@code presets/*.yaml}, the default one first, then by name.
 */
@Component
public class PresetCatalog {

	/** The preset a sandbox starts from when none is named. */
	public static final String DEFAULT = "two-pods-three-nodes";

	private static final String LOCATION = "classpath*:presets/*.yaml";

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
		return BundledFile.all(LOCATION)
			.stream()
			.map((file) -> new Preset(file.name(), file.comment("title", file.name()), file.comment("description", ""),
					file.text()))
			.sorted(Comparator.comparing((Preset preset) -> !preset.name().equals(DEFAULT)).thenComparing(Preset::name))
			.toList();
	}

}
