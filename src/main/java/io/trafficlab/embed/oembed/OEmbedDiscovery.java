package io.trafficlab.embed.oembed;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * oEmbed discovery: every page whose own URL oEmbed answers for (the playground, a lesson
 * step, a challenge, an embed) gets {@value #ATTRIBUTE}, which the shared {@code <head>}
 * (templates/fragments/head.html) writes as
 * {@code <link rel="alternate" type="application/json+oembed" href="…" title="…">}. One
 * rule: the link is there exactly when its {@code href} answers 200.
 */
@ControllerAdvice
record OEmbedDiscovery(OEmbedTargets targets) {

	static final String ATTRIBUTE = "oembedDiscovery";

	/** The pages that may be shareable; the others are not worth resolving. */
	private static final Pattern CANDIDATE = Pattern.compile("/|/embed|/lessons/[^/]+/[^/]+|/challenges/[^/]+");

	@ModelAttribute
	void addDiscoveryLink(HttpServletRequest request, Model model) {
		if (!"GET".equals(request.getMethod())) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!CANDIDATE.matcher(path).matches()) {
			return;
		}
		String query = request.getQueryString();
		String page = request.getRequestURL() + ((query != null) ? "?" + query : "");
		OEmbedOrigin origin = OEmbedOrigin.of(request);
		try {
			OEmbedTarget target = this.targets.resolve(origin, page);
			model.addAttribute(ATTRIBUTE, new OEmbedLink(href(origin, page), target.title()));
		}
		catch (OEmbedNotFoundException ex) {
			// Not a page oEmbed answers for (an unknown preset, a bad shared state): no
			// link
		}
	}

	static String href(OEmbedOrigin origin, String page) {
		return origin.absolute(UriComponentsBuilder.fromPath(OEmbedController.PATH)
			.queryParam("url", "{url}")
			.queryParam("format", "json")
			.encode()
			.buildAndExpand(page)
			.toUriString());
	}

}
