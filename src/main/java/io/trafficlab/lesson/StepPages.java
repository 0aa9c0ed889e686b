package io.trafficlab.lesson;

import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxPageCreation;
import io.trafficlab.sandbox.SandboxCreatedJson;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Finds a lesson's step from its URL (a clear 404 otherwise) and fills in what a step
 * page shows, on the site and in the embed.
 */
@Component
record StepPages(LessonCatalog catalog) {

	/** The lesson and step, or a 404 that says which does not exist. */
	StepPage page(String id, String step) {
		Lesson lesson = this.catalog.find(id)
			.orElseThrow(() -> new LessonNotFoundException(
					"There is no lesson \"" + id + "\". The lessons are listed at /lessons."));
		int number = parse(step);
		if (number < 1 || number > lesson.steps().size()) {
			throw new LessonNotFoundException("\"" + lesson.title() + "\" has no step " + step + "; its steps are 1 to "
					+ lesson.steps().size() + ".");
		}
		return StepPage.of(lesson, number, this.catalog.next(lesson).orElse(null));
	}

	/**
	 * The model for a step page whose script creates the sandbox ({@code create}: where
	 * it posts): the page's requests name the sandbox
	 * {@value SandboxPageCreation#PENDING} until it exists, and the step's terminal runs
	 * once it does.
	 */
	void addPendingSandbox(Model model, StepPage page, String manifests, String create) {
		SandboxPageCreation.addPending(model, stepPreset(page, manifests), create);
		model.addAttribute("pendingCurlNode", page.step().curlNode());
		model.addAttribute("stepControls", StepControls.of(page.step()));
	}

	/** The model the playground fragment and the lesson panel need. */
	void addSandbox(Model model, StepPage page, Sandbox sandbox) {
		model.addAttribute("sandbox", SandboxCreatedJson.of(sandbox.id(), sandbox.preset()));
		model.addAttribute("sandboxId", sandbox.id());
		model.addAttribute("preset", stepPreset(page, sandbox.manifests()));
		model.addAttribute("stepControls", StepControls.of(page.step()));
		String node = page.step().curlNode();
		if (node != null) {
			model.addAttribute("curl", CurlView.of(sandbox, node));
		}
	}

	private static Preset stepPreset(StepPage page, String manifests) {
		return Preset.unlisted(page.step().title(),
				page.lesson().title() + ", step " + page.number() + " of " + page.lesson().steps().size(), manifests);
	}

	/** A small positive number from a URL or a form, or -1. */
	static int parse(@Nullable String text) {
		if (text == null || !text.matches("\\d{1,4}")) {
			return -1;
		}
		return Integer.parseInt(text);
	}

}
