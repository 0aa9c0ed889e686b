package io.trafficlab.sandbox;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The playground at {@code /} and the plain live view at {@code /live}: every visit creates a sandbox (one per browser
 * tab) from a preset, and the page watches it over the stream.
 */
@Controller
class SandboxPageController {

	static final String PAGE = "playground/playgroundPage";

	static final String PLAIN_PAGE = "sandbox/livePage";

	private final SandboxRegistry registry;

	private final PresetCatalog presets;

	SandboxPageController(SandboxRegistry registry, PresetCatalog presets) {
		this.registry = registry;
		this.presets = presets;
	}

	@GetMapping("/")
	String playground(@RequestParam(name = "preset", required = false) @Nullable String preset, Model model,
			HttpServletResponse response) {
		return page(PAGE, preset, model, response);
	}

	/** The same sandbox as text and tables only, without the canvas. */
	@GetMapping("/live")
	String live(@RequestParam(name = "preset", required = false) @Nullable String preset, Model model,
			HttpServletResponse response) {
		return page(PLAIN_PAGE, preset, model, response);
	}

	private String page(String view, @Nullable String preset, Model model, HttpServletResponse response) {
		model.addAttribute("presets", this.presets.all());
		try {
			Sandbox sandbox = this.registry.createFromPreset(preset, null);
			model.addAttribute("sandbox", SandboxCreatedJson.of(sandbox.id(), sandbox.preset()));
			model.addAttribute("preset", this.presets.find(sandbox.preset()).orElseThrow());
		}
		catch (SandboxRequestException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("unavailable", String.valueOf(ex.getMessage()));
		}
		return view;
	}

}
