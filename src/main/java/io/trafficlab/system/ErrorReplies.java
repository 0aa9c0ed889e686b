package io.trafficlab.system;

import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * An error answered in the form the request expects: {@code {"errors": [...]}} JSON under
 * {@code /api/}, a notice for the page's alert region to an htmx request, the error page
 * otherwise. Never a stack trace.
 */
final class ErrorReplies {

	static final String PAGE = "error";

	static final String FRAGMENT = "fragments/errorNotice :: errorNotice";

	/** What the API offers, for messages about a path it does not have. */
	static final String API_INDEX = "The API has POST /api/v1/analyze, POST /api/v1/trace, the sandbox commands "
			+ "under /api/v1/sandboxes and the classroom rooms under /api/v1/rooms (docs/sandbox-api.md).";

	private ErrorReplies() {
	}

	/** JSON under {@code /api/}, else a page or an htmx notice. */
	static Object reply(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			HttpHeaders headers, List<String> messages) {
		if (ApiRequests.isApiRequest(request)) {
			return json(status, headers, messages);
		}
		headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		return page(request, response, status, String.join(" ", messages));
	}

	static Object reply(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message) {
		return reply(request, response, status, new HttpHeaders(), List.of(message));
	}

	static ResponseEntity<ErrorsJson> json(HttpStatus status, HttpHeaders headers, List<String> messages) {
		// A preset Content-Type makes the body JSON whatever the client's Accept header
		// says
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorsJson(messages));
	}

	static ResponseEntity<ErrorsJson> json(HttpStatus status, String message) {
		return json(status, new HttpHeaders(), List.of(message));
	}

	/** The message, with its place in the body unless it names it already. */
	static String withPosition(String message, int line, int column) {
		String position = "line " + line + ", column " + column;
		return message.contains(position) ? message : message + " (" + position + ")";
	}

	static ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String message) {
		Map<String, Object> model = Map.of("status", status.value(), "reason", status.getReasonPhrase(), "message",
				message);
		if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
			// Whatever the htmx request targeted, the notice goes to the layout's alert
			// region
			response.setHeader("HX-Retarget", "#request-error");
			response.setHeader("HX-Reswap", "innerHTML");
			return new ModelAndView(FRAGMENT, model, status);
		}
		return new ModelAndView(PAGE, model, status);
	}

}
