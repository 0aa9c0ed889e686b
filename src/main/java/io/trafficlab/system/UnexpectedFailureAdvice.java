package io.trafficlab.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Whatever the other advice does not know. Bad input can still hide here (manifests
 * nested too deeply to read, a parser's error wrapped by a library, a request Spring
 * refuses with a 4xx of its own): that stays a 4xx. Everything else is a bug in Traffic
 * Lab: a {@code 500} whose answer names a {@link BugReport} reference and whose stack
 * trace goes to the log once, under that reference.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedFailureAdvice {

	@ExceptionHandler
	Object unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		String badInput = badInput(ex);
		if (badInput != null) {
			return ErrorReplies.reply(request, response, HttpStatus.BAD_REQUEST, badInput);
		}
		HttpStatus refused = clientErrorOf(ex);
		if (refused != null) {
			if (!ApiRequests.isApiRequest(request)) {
				// Spring's default handling sends the status on to the error page
				throw ex;
			}
			String detail = ((ErrorResponse) ex).getBody().getDetail();
			return ErrorReplies.json(refused, "The request failed: " + refused.value() + " " + refused.getReasonPhrase()
					+ "." + ((detail != null) ? " " + detail : ""));
		}
		BugReport report = BugReport.log(request, ex);
		return ApiRequests.isApiRequest(request)
				? ErrorReplies.json(HttpStatus.INTERNAL_SERVER_ERROR, report.apiMessage())
				: ErrorReplies.page(request, response, HttpStatus.INTERNAL_SERVER_ERROR, report.pageMessage());
	}

	/** What is wrong with the request, if the failure is in fact the request's. */
	private static @Nullable String badInput(Throwable ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof StackOverflowError) {
				return "The manifests are nested too deeply to read.";
			}
			if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
				return parserMessage((JacksonException) cause);
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return "The request body could not be read.";
		}
		return null;
	}

	/** The 4xx status a Spring MVC exception carries, if it is one. */
	private static @Nullable HttpStatus clientErrorOf(Exception ex) {
		HttpStatus status = (ex instanceof ErrorResponse response)
				? HttpStatus.resolve(response.getStatusCode().value()) : null;
		return (status != null && status.is4xxClientError()) ? status : null;
	}

	private static String parserMessage(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String message = "The body is not valid YAML or JSON: " + ex.getOriginalMessage();
		return (location != null && location.getLineNr() > 0)
				? ErrorReplies.withPosition(message, location.getLineNr(), location.getColumnNr()) : message;
	}

}
