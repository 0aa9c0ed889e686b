package io.trafficlab.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders whatever reaches the servlet container's error dispatch: JSON for the API, an
 * inline fragment for htmx, a plain page otherwise. Never a stack trace: a {@code 500}
 * names the {@link BugReport} reference under which the log has the details. Replaces
 * Boot's {@code BasicErrorController}.
 */
@Controller
class ErrorPageController implements ErrorController {

	@RequestMapping("${spring.web.error.path:/error}")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = statusOf(request);
		boolean api = ApiRequests.isApiRequest(request);
		if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
			BugReport report = BugReport.of(request);
			if (report == null) {
				report = BugReport.log(request, failureOf(request));
			}
			return api ? ErrorReplies.json(status, report.apiMessage())
					: ErrorReplies.page(request, response, status, report.pageMessage());
		}
		return api ? ErrorReplies.json(status, apiMessage(status))
				: ErrorReplies.page(request, response, status, pageMessage(status));
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static @Nullable Throwable failureOf(HttpServletRequest request) {
		return (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) ? failure : null;
	}

	private static String apiMessage(HttpStatus status) {
		return switch (status.value()) {
			case 404 -> "There is no such API endpoint. " + ErrorReplies.API_INDEX;
			case 413 -> RequestLimits.BODY_TOO_LARGE;
			case 400 -> "The request could not be read.";
			default -> "The request failed: " + status.value() + " " + status.getReasonPhrase() + ".";
		};
	}

	private static String pageMessage(HttpStatus status) {
		return switch (status.value()) {
			case 404 -> "There is no page at this address.";
			case 405 -> "This page cannot be used that way. Go back and try again.";
			case 413 -> RequestLimits.BODY_TOO_LARGE;
			default -> status.is5xxServerError() ? "Traffic Lab cannot answer right now. Try again in a minute."
					: "The request could not be handled.";
		};
	}

}
