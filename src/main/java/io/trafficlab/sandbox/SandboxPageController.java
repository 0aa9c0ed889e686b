package io.trafficlab.sandbox;

import io.trafficlab.embed.EmbedTokens;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.simulation.SimulationSettings;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The playground at {@code /}, the plain live view at {@code /live} and the embeddable
 * canvas at {@code /embed}. The playground and the live view render no sandbox: their
 * script creates one (one per browser tab) through the creation API, so a crawler or a
 * script that only reads the page starts nothing. The embed creates its own after a
 * person presses Start.
 */
@Controller
record SandboxPageController(SandboxRegistry registry, PresetCatalog presets, EmbedTokens embedTokens) {

	static final String PAGE = "playground/playgroundPage";

	static final String PLAIN_PAGE = "sandbox/livePage";

	static final String EMBED_PAGE = "playground/embedPage";

	@GetMapping("/")
	String playground(@RequestParam(name = "preset", required = false) @Nullable String preset,
			@RequestParam(name = "s", required = false) @Nullable String link, Model model,
			HttpServletResponse response) {
		model.addAttribute("presets", this.presets.all());
		try {
			model.addAttribute("preset", (link != null) ? sharedPreset(PermalinkCodec.decode(link).manifests())
					: this.presets.require(preset));
			// the script names what runs: a link's cluster, until the learner applies
			// their own
			model.addAttribute("shared", link != null);
			model.addAttribute("create", creation(preset, link));
		}
		catch (SandboxRequestException ex) {
			SandboxUnavailable.show(ex, model, response);
		}
		return PAGE;
	}

	/**
	 * The same sandbox as text and tables only, without the canvas; like the
	 * playground's, its sandbox is created by the page's script.
	 */
	@GetMapping("/live")
	String live(@RequestParam(name = "preset", required = false) @Nullable String preset, Model model,
			HttpServletResponse response) {
		model.addAttribute("presets", this.presets.all());
		try {
			model.addAttribute("preset", this.presets.require(preset));
			model.addAttribute("create", creation(preset, null));
		}
		catch (SandboxRequestException ex) {
			SandboxUnavailable.show(ex, model, response);
		}
		return PLAIN_PAGE;
	}

	/**
	 * The canvas alone, for an iframe: first a Start button (no sandbox yet), then, with
	 * {@code run}, the running sandbox from {@code preset} or a permalink's {@code s}.
	 */
	@GetMapping("/embed")
	String embed(@RequestParam(name = "preset", required = false) @Nullable String preset,
			@RequestParam(name = "s", required = false) @Nullable String link,
			@RequestParam(name = "run", required = false) @Nullable String run, Model model,
			HttpServletResponse response) {
		if (run == null) {
			model.addAttribute("startHref", startHref(preset, link));
			model.addAttribute("loadBalancer", startingLoadBalancer(link).label());
			model.addAttribute("title",
					this.presets.find((preset != null) ? preset : PresetCatalog.DEFAULT)
						.map(Preset::title)
						.orElse("Traffic Lab"));
			return EMBED_PAGE;
		}
		String view = page(EMBED_PAGE, preset, link, model, response);
		if (model.getAttribute("sandbox") instanceof SandboxCreatedJson sandbox) {
			this.embedTokens.addTo(model, sandbox.id());
		}
		return view;
	}

	/**
	 * Where the page's script creates its sandbox: the same start the page was opened
	 * with.
	 */
	private static String creation(@Nullable String preset, @Nullable String link) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(SandboxDestinations.API);
		if (link != null) {
			uri.queryParam("s", link);
		}
		else if (preset != null) {
			uri.queryParam("preset", preset);
		}
		return uri.encode().build().toUriString();
	}

	/**
	 * The load balancer the Start card names: the shared link's, else the sandbox's
	 * default. A link that does not decode gets its error once it runs.
	 */
	private static LoadBalancerKind startingLoadBalancer(@Nullable String link) {
		if (link != null) {
			try {
				LoadBalancerKind kind = PermalinkCodec.decode(link).loadBalancer();
				if (kind != null) {
					return kind;
				}
			}
			catch (SandboxRequestException ex) {
				// the card stays; running the link reports what is wrong with it
			}
		}
		return SimulationSettings.defaults().kind();
	}

	/**
	 * The Start card's link: this embed with {@code run}. A link, not a form, so it works
	 * in a frame sandboxed without {@code allow-forms}.
	 */
	private static String startHref(@Nullable String preset, @Nullable String link) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/embed");
		if (link != null) {
			uri.queryParam("s", link);
		}
		else if (preset != null) {
			uri.queryParam("preset", preset);
		}
		return uri.queryParam("run", "1").encode().build().toUriString();
	}

	private static Preset sharedPreset(String manifests) {
		return Preset.unlisted("Shared sandbox",
				"Opened from a link: the cluster, policy, placement and settings someone shared.", manifests);
	}

	private String page(String view, @Nullable String preset, @Nullable String link, Model model,
			HttpServletResponse response) {
		model.addAttribute("presets", this.presets.all());
		try {
			Sandbox sandbox = (link != null) ? this.registry.createFromShared(PermalinkCodec.decode(link))
					: this.registry.createFromPreset(preset, null);
			model.addAttribute("sandbox", SandboxCreatedJson.of(sandbox.id(), sandbox.preset()));
			model.addAttribute("preset",
					this.presets.find(sandbox.preset()).orElseGet(() -> sharedPreset(sandbox.manifests())));
		}
		catch (SandboxRequestException ex) {
			SandboxUnavailable.show(ex, model, response);
		}
		return view;
	}

}
