package io.trafficlab.embed.oembed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /oembed?url=…&maxwidth=…&maxheight=…&format=json}: what WordPress, Ghost,
 * Discourse and other oEmbed consumers turn a pasted link of ours into. Public (any
 * origin may read it) and JSON only: {@code format=xml} is a 501, a missing {@code url}
 * or a bad maximum a 400, a URL that is not a shareable one of ours a 404; every refusal
 * is {@code {"errors": ["…"]}} naming why.
 */
@RestController
record OEmbedController(OEmbedTargets targets) {

	static final String PATH = "/oembed";

	@GetMapping(PATH)
	ResponseEntity<?> oembed(@RequestParam(name = "url", required = false) @Nullable String url,
			@RequestParam(name = "maxwidth", required = false) @Nullable String maxWidth,
			@RequestParam(name = "maxheight", required = false) @Nullable String maxHeight,
			@RequestParam(name = "format", required = false) @Nullable String format, HttpServletRequest request) {
		if (url == null || url.isBlank()) {
			return refuse(HttpStatus.BAD_REQUEST,
					"Query parameter 'url' is required: the Traffic Lab page to embed. " + OEmbedTargets.KNOWN_URLS);
		}
		if (format != null && !format.isBlank() && !format.strip().toLowerCase(Locale.ROOT).equals("json")) {
			return refuse(HttpStatus.NOT_IMPLEMENTED,
					"Only format=json is served, not format=" + format.strip() + " (oEmbed's answer for XML is 501).");
		}
		Integer width;
		Integer height;
		try {
			width = maximum("maxwidth", maxWidth);
			height = maximum("maxheight", maxHeight);
		}
		catch (IllegalArgumentException ex) {
			return refuse(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		OEmbedOrigin origin = OEmbedOrigin.of(request);
		OEmbedTarget target;
		try {
			target = this.targets.resolve(origin, url);
		}
		catch (OEmbedNotFoundException ex) {
			return refuse(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		OEmbedSize size = target.size().fit(width, height);
		String html = iframe(origin.absolute(target.embedPath()), "Traffic Lab: " + target.title(), size);
		return ResponseEntity.ok()
			.headers(publicHeaders())
			.contentType(MediaType.APPLICATION_JSON)
			.body(OEmbedJson.rich(html, size, target.title(), origin.root()));
	}

	/** One bare {@code <iframe>}, what WordPress and Ghost keep of a rich answer. */
	static String iframe(String src, String title, OEmbedSize size) {
		return "<iframe src=\"" + escape(src) + "\" title=\"" + escape(title) + "\" width=\"" + size.width()
				+ "\" height=\"" + size.height()
				+ "\" allow=\"fullscreen\" style=\"border:0\" loading=\"lazy\"></iframe>";
	}

	/** Only what HTML needs escaped: the answer is UTF-8, so "·" stays itself. */
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/**
	 * A positive whole number of pixels, or none when the parameter is absent or empty.
	 */
	private static @Nullable Integer maximum(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (!text.matches("\\d{1,6}") || Integer.parseInt(text) == 0) {
			throw new IllegalArgumentException("Query parameter '" + name + "' must be a positive whole number of "
					+ "CSS pixels (at most 999999), not \"" + value + "\".");
		}
		return Integer.parseInt(text);
	}

	private static ResponseEntity<Map<String, List<String>>> refuse(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.headers(publicHeaders())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(message)));
	}

	/**
	 * Any site may read the answer: it is public, and consumers fetch it from browsers
	 * too.
	 */
	private static HttpHeaders publicHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccessControlAllowOrigin("*");
		return headers;
	}

}
