package io.trafficlab.lesson;

import io.trafficlab.embed.EmbedTokens;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRequestException;
import io.trafficlab.sandbox.SandboxUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /embed?lesson=…&step=…}: a lesson step without the site's chrome, for an iframe.
 * Like the playground's embed it shows a Start card first and creates no sandbox until it
 * is clicked, and needs no cookie.
 */
@Controller
record LessonEmbedController(StepPages pages, LessonSandboxes sandboxes, EmbedTokens embedTokens) {

	static final String PAGE = "lesson/embedPage";

	@GetMapping(path = "/embed", params = "lesson")
	String embed(@RequestParam("lesson") String lesson, @RequestParam(name = "step", defaultValue = "1") String step,
			@RequestParam(name = "run", required = false) @Nullable String run, Model model,
			HttpServletResponse response) {
		StepPage page = this.pages.page(lesson, step);
		model.addAttribute("page", page);
		model.addAttribute("embedded", true);
		if (run == null) {
			return PAGE;
		}
		try {
			Sandbox sandbox = this.sandboxes.start(page.lesson(), page.number(), null);
			this.pages.addSandbox(model, page, sandbox);
			this.embedTokens.addTo(model, sandbox.id());
		}
		catch (SandboxRequestException ex) {
			SandboxUnavailable.show(ex, model, response);
		}
		return PAGE;
	}

}
