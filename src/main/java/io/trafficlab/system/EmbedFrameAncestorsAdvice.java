package io.trafficlab.system;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Hands the pages the {@code trafficlab.embed.frame-ancestors} source list as
 * {@code embedFrameAncestors}: an embed page carries it as {@code data-frame-ancestors}
 * on its {@code <body>}, where its postMessage bridge checks the origin of the commands a
 * host page sends against the same list the Content-Security-Policy names.
 */
@ControllerAdvice
class EmbedFrameAncestorsAdvice {

	static final String ATTRIBUTE = "embedFrameAncestors";

	private final String frameAncestors;

	EmbedFrameAncestorsAdvice(EmbedProperties properties) {
		this.frameAncestors = properties.frameAncestors().strip();
	}

	@ModelAttribute(ATTRIBUTE)
	String embedFrameAncestors() {
		return this.frameAncestors;
	}

}
