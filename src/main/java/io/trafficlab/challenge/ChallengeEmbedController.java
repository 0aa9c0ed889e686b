package io.trafficlab.challenge;

import io.trafficlab.embed.EmbedTokens;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxCreatedJson;
import io.trafficlab.sandbox.SandboxRequestException;
import io.trafficlab.sandbox.SandboxUnavailable;
import io.trafficlab.teaching.Challenge;
import io.trafficlab.teaching.ChallengeCatalog;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /embed?challenge=…}: a challenge without the site's chrome, for an iframe. Like
 * the other embeds it shows a Start card first and creates no sandbox until Start (a link
 * to the same address with {@code run=1}); then the challenge's panel (goal, hints, the
 * checklist the page polls from {@code /challenges/{id}/check}) beside the canvas.
 */
@Controller
record ChallengeEmbedController(ChallengeCatalog challenges, ChallengeSandboxes sandboxes, PresetCatalog presets,
		EmbedTokens embedTokens) {

	static final String PAGE = "challenge/embedPage";

	@GetMapping(path = "/embed", params = "challenge")
	String embed(@RequestParam("challenge") String id,
			@RequestParam(name = "run", required = false) @Nullable String run, Model model,
			HttpServletResponse response) {
		Challenge challenge = this.challenges.find(id).orElse(null);
		if (challenge == null) {
			return ChallengePageController.missing(id, model, response);
		}
		model.addAttribute("challenge", challenge);
		model.addAttribute("embedded", true);
		if (run == null) {
			return PAGE;
		}
		model.addAttribute("presets", this.presets.all());
		model.addAttribute("preset", ChallengeSandboxes.preset(challenge));
		try {
			Sandbox sandbox = this.sandboxes.start(challenge);
			model.addAttribute("sandbox", SandboxCreatedJson.of(sandbox.id(), sandbox.preset()));
			model.addAttribute("sandboxId", sandbox.id());
			this.embedTokens.addTo(model, sandbox.id());
			// the checklist as it stands at the start; it polls from there
			model.addAttribute("report", sandbox.check(challenge.goal()));
		}
		catch (SandboxRequestException ex) {
			SandboxUnavailable.show(ex, model, response);
		}
		return PAGE;
	}

}
