package io.trafficlab.lesson;

import java.util.Map;
import java.util.function.Supplier;

import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxCreatedJson;
import io.trafficlab.sandbox.SandboxPageCreation;
import io.trafficlab.sandbox.SandboxRequestException;
import io.trafficlab.sandbox.SandboxUnavailable;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.Question;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The lessons: the index, one page per step with its own live sandbox, the answers to its
 * questions (an htmx fragment: the explanation, after the reveal is applied to the
 * sandbox), and the step's terminal.
 */
@Controller
record LessonPageController(LessonCatalog catalog, LessonSandboxes sandboxes, StepPages pages, PresetCatalog presets) {

	static final String INDEX = "lesson/indexPage";

	static final String STEP = "lesson/stepPage";

	static final String QUESTION = "lesson/fragments :: question";

	static final String CURL = "lesson/fragments :: curl";

	/** Where a step page's script creates the step's sandbox. */
	static final String SANDBOX_API = "/api/v1/lessons/{lesson}/{step}/sandbox";

	@GetMapping("/lessons")
	String index(Model model) {
		model.addAttribute("lessons", this.catalog.all());
		return INDEX;
	}

	@GetMapping("/lessons/{lesson}")
	String lesson(@PathVariable String lesson) {
		return "redirect:" + StepPage.url(lesson(lesson, "1").lesson(), 1);
	}

	@GetMapping("/lessons/{lesson}/{step}")
	String step(@PathVariable String lesson, @PathVariable String step,
			@RequestParam(name = "s", required = false) @Nullable String link, Model model,
			HttpServletResponse response) {
		StepPage page = lesson(lesson, step);
		model.addAttribute("page", page);
		model.addAttribute("presets", this.presets.all());
		try {
			String manifests = (link != null) ? SandboxPageCreation.sharedManifests(link)
					: this.sandboxes.startManifests(page.lesson(), page.number());
			UriComponentsBuilder create = UriComponentsBuilder.fromPath(SANDBOX_API)
				.uriVariables(Map.of("lesson", page.lesson().id(), "step", page.number()));
			if (link != null) {
				create.queryParam("s", link);
			}
			this.pages.addPendingSandbox(model, page, manifests, create.encode().build().toUriString());
		}
		catch (SandboxRequestException ex) {
			SandboxUnavailable.show(ex, model, response);
		}
		return STEP;
	}

	/**
	 * The step's sandbox, created by the step page's script (the GET creates none), in
	 * the step's state or a shared link's.
	 */
	@PostMapping(SANDBOX_API)
	ResponseEntity<SandboxCreatedJson> createSandbox(@PathVariable String lesson, @PathVariable String step,
			@RequestParam(name = "s", required = false) @Nullable String link) {
		StepPage page = lesson(lesson, step);
		return SandboxPageCreation.created(this.sandboxes.start(page.lesson(), page.number(), link));
	}

	@PostMapping("/lessons/{lesson}/{step}/questions/{question}")
	String answer(@PathVariable String lesson, @PathVariable String step, @PathVariable String question,
			@RequestParam(name = "choice", required = false) @Nullable String choice,
			@RequestParam(name = "sandbox", required = false) @Nullable String sandboxId, Model model,
			HttpServletResponse response) {
		StepPage page = lesson(lesson, step);
		int number = number(question, page.step().questions().size(), () -> "Step " + page.number() + " of \""
				+ page.lesson().title() + "\" has no question " + question + ".");
		Question asked = page.step().questions().get(number - 1);
		model.addAttribute("page", page);
		model.addAttribute("number", number);
		model.addAttribute("question", asked);
		Sandbox sandbox = (sandboxId != null) ? this.sandboxes.find(sandboxId).orElse(null) : null;
		model.addAttribute("sandboxId", (sandbox != null) ? sandbox.id() : null);
		int chosen = StepPages.parse(choice);
		if (chosen < 1 || chosen > asked.choices().size()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", "Pick one of the " + asked.choices().size() + " choices, then check it.");
			return QUESTION;
		}
		model.addAttribute("chosen", chosen);
		if (sandbox == null) {
			model.addAttribute("revealError", "This step's sandbox has ended, so the canvas cannot show the result. "
					+ "Reload the page to start it again.");
		}
		else {
			String refused = this.sandboxes.reveal(sandbox, asked);
			if (refused != null) {
				model.addAttribute("revealError", "Your changes to the sandbox got in the way of showing the result ("
						+ refused + "). Reset or reload the step to see it.");
			}
		}
		return QUESTION;
	}

	@GetMapping("/lessons/{lesson}/{step}/curl")
	String curl(@PathVariable String lesson, @PathVariable String step, @RequestParam("sandbox") String sandboxId,
			@RequestParam("node") String node, @RequestParam(name = "port", required = false) @Nullable Integer port,
			Model model) {
		StepPage page = lesson(lesson, step);
		Sandbox sandbox = this.sandboxes.find(sandboxId)
			.orElseThrow(() -> new LessonNotFoundException(
					"This step's sandbox has ended. Reload the page to start it again."));
		model.addAttribute("page", page);
		model.addAttribute("sandboxId", sandbox.id());
		model.addAttribute("curl", CurlView.of(sandbox, node, port));
		return CURL;
	}

	private StepPage lesson(String id, String step) {
		return this.pages.page(id, step);
	}

	private static int number(String text, int count, Supplier<String> message) {
		int number = StepPages.parse(text);
		if (number < 1 || number > count) {
			throw new LessonNotFoundException(message.get());
		}
		return number;
	}

}
