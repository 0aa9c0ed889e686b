package io.trafficlab.embed;

import io.trafficlab.system.EmbedProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /embed/help}: how an author puts Traffic Lab into a docs page, with snippets
 * that carry this server's own address (as the request reached it, so behind a proxy set
 * {@code server.forward-headers-strategy}), and the postMessage reference.
 */
@Controller
record EmbedHelpController(EmbedProperties embed) {

	static final String PAGE = "embed/helpPage";

	@GetMapping("/embed/help")
	String help(Model model) {
		model.addAttribute("snippets",
				EmbedHelpSnippets.of(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()));
		model.addAttribute("frameAncestors", this.embed.frameAncestors());
		return PAGE;
	}

}
