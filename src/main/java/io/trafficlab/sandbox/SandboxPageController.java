package io.trafficlab.sandbox;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The live page at {@code /}: every visit creates a sandbox (one per browser tab) from a preset, and the page watches
 * it over the stream.
 */
@Controller
class SandboxPageController {

	static final String PAGE = "playground/playgroundPage";

	private final SandboxRegistry registry;

	private final PresetCatalog presets;

	SandboxPageController(SandboxRegistry registry, PresetCatalog presets) {
		this.registry = registry;
		this.presets = presets;
	}

	@GetMapping("/")
	String live(@RequestParam(name = "preset", required = false) @Nullable String preset, Model model,
			HttpServletResponse response) {
		model.addAttribute("presets", this.presets.all());
		try {
			Sandbox sandbox = this.registry.createFromPreset(preset, null);
			SandboxSnapshot snapshot = sandbox.snapshot();
			model.addAttribute("sandbox", SandboxCreatedJson.of(sandbox.id(), snapshot.preset()));
			model.addAttribute("preset", this.presets.find(snapshot.preset()).orElseThrow());
		}
		catch (SandboxRequestException ex) {
			response.setStatus(ex.status().value());
			model.addAllAttributes(Map.of("unavailable", String.valueOf(ex.getMessage())));
		}
		return PAGE;
	}

}
