package io.trafficlab.system;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders whatever reaches the servlet container's error dispatch: JSON for the API, an
 * inline fragment for htmx, a plain page otherwise. Never a stack trace. Replaces Boot's
 * {@code BasicErrorController}.
 */
@Controller
class ErrorPageController implements ErrorController {

	static final String PAGE = "error";

	static final String FRAGMENT = "fragments/errorNotice :: errorNotice";

	@RequestMapping("${spring.web.error.path:/error}")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = statusOf(request);
		if (ApiRequests.isApiRequest(request)) {
			return apiError(status);
		}
		Map<String, Object> model = Map.of("status", status.value(), "reason", status.getReasonPhrase(), "message",
				pageMessage(status));
		if (HtmxRequest.fromRequest(request).isHtmxRequest()) {
			// Whatever the htmx request targeted, the notice goes to the layout's alert
			// region
			response.setHeader("HX-Retarget", "#request-error");
			response.setHeader("HX-Reswap", "innerHTML");
			return new ModelAndView(FRAGMENT, model, status);
		}
		return new ModelAndView(PAGE, model, status);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static ResponseEntity<ErrorsJson> apiError(HttpStatus status) {
		// An API error never goes out as a 500: what escaped the API's own handlers is
		// reported as unprocessable.
		HttpStatus sent = status.is5xxServerError() ? HttpStatus.UNPROCESSABLE_CONTENT : status;
		return ResponseEntity.status(sent)
			.contentType(MediaType.APPLICATION_JSON)
			.body(ErrorsJson.of(apiMessage(status)));
	}

	private static String apiMessage(HttpStatus status) {
		return switch (status.value()) {
			case 404 -> "There is no such API endpoint. The API has POST /api/v1/analyze, POST /api/v1/trace, the "
					+ "sandbox commands under /api/v1/sandboxes and the classroom rooms under /api/v1/rooms "
					+ "(docs/sandbox-api.md).";
			case 413 -> RequestLimits.BODY_TOO_LARGE;
			case 400 -> "The request could not be read.";
			default ->
				status.is5xxServerError() ? "The request could not be processed; the details are in the server log."
						: "The request failed: " + status.value() + " " + status.getReasonPhrase() + ".";
		};
	}

	private static String pageMessage(HttpStatus status) {
		return switch (status.value()) {
			case 404 -> "There is no page at this address.";
			case 405 -> "This page cannot be used that way. Go back and try again.";
			case 413 -> RequestLimits.BODY_TOO_LARGE;
			default ->
				status.is5xxServerError() ? "Something went wrong on our side. The details are in the server log."
						: "The request could not be handled.";
		};
	}

}
