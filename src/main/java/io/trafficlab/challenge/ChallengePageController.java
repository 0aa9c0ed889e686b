package io.trafficlab.challenge;

import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxCreatedJson;
import io.trafficlab.sandbox.SandboxPageCreation;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.teaching.Challenge;
import io.trafficlab.teaching.ChallengeCatalog;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The challenge list, one challenge in a live sandbox, and the checklist fragment the
 * page polls.
 */
@Controller
record ChallengePageController(ChallengeCatalog challenges, SandboxRegistry registry, PresetCatalog presets,
		ChallengeSandboxes sandboxes) {

	static final String INDEX = "challenge/indexPage";

	static final String PAGE = "challenge/challengePage";

	static final String MISSING = "challenge/missingPage";

	static final String CHECKLIST = "challenge/checklist :: checklist";

	/** Where a challenge page's script creates the challenge's sandbox. */
	static final String SANDBOX_API = "/api/v1/challenges/{id}/sandbox";

	@GetMapping("/challenges")
	String index(Model model) {
		model.addAttribute("challenges", this.challenges.all());
		return INDEX;
	}

	/**
	 * The challenge's page. Its script creates the sandbox (one per visit, like the
	 * playground's); the GET creates none, and the checklist fills in once it exists.
	 */
	@GetMapping("/challenges/{id}")
	String challenge(@PathVariable String id, Model model, HttpServletResponse response) {
		Challenge challenge = this.challenges.find(id).orElse(null);
		if (challenge == null) {
			return missing(id, model, response);
		}
		model.addAttribute("challenge", challenge);
		model.addAttribute("presets", this.presets.all());
		SandboxPageCreation.addPending(model, ChallengeSandboxes.preset(challenge),
				SANDBOX_API.replace("{id}", challenge.id()));
		return PAGE;
	}

	/** The challenge's sandbox, created by the challenge page's script. */
	@PostMapping(SANDBOX_API)
	ResponseEntity<SandboxCreatedJson> createSandbox(@PathVariable String id) {
		Challenge challenge = this.challenges.find(id).orElseThrow(() -> new ChallengeNotFoundException(id));
		return SandboxPageCreation.created(this.sandboxes.start(challenge));
	}

	/**
	 * The goal's checklist for a sandbox, as it stands now. A missing or ended sandbox
	 * gets a message in the fragment (which then stops polling), never a 500.
	 */
	@GetMapping("/challenges/{id}/check")
	String check(@PathVariable String id, @RequestParam(name = "sandbox", required = false) @Nullable String sandboxId,
			Model model, HttpServletResponse response) {
		Challenge challenge = this.challenges.find(id).orElse(null);
		if (challenge == null) {
			return problem(HttpStatus.NOT_FOUND,
					"There is no challenge \"" + id + "\". The challenges are listed at /challenges.", model, response);
		}
		model.addAttribute("challenge", challenge);
		if (sandboxId == null || sandboxId.isBlank()) {
			return problem(HttpStatus.BAD_REQUEST,
					"Query parameter 'sandbox' is required: the id of the sandbox to check.", model, response);
		}
		Sandbox sandbox = this.registry.find(sandboxId).orElse(null);
		if (sandbox == null) {
			return problem(HttpStatus.NOT_FOUND,
					"This sandbox has ended (sandboxes end after a while without use), so its goal "
							+ "can no longer be checked. Reload the page to start the challenge again.",
					model, response);
		}
		GoalReport report = sandbox.check(challenge.goal());
		model.addAttribute("sandboxId", sandbox.id());
		model.addAttribute("report", report);
		return CHECKLIST;
	}

	/** The checklist fragment saying why there is no report (it then stops polling). */
	private static String problem(HttpStatus status, String problem, Model model, HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("problem", problem);
		return CHECKLIST;
	}

	static String missing(String id, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("id", id);
		return MISSING;
	}

}
