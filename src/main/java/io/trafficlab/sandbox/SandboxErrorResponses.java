package io.trafficlab.sandbox;

import io.trafficlab.system.ErrorsJson;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The sandbox controllers' own errors, in the v1 API's {@code {"errors": [...]}} shape.
 * Everything else (manifest syntax, API-server rejections, cluster limits, unexpected
 * failures) goes on to the API-wide handler.
 *
 * <p>
 * These are controller-local handlers (the controllers implement this interface) because
 * controller-local handlers are consulted before any {@code @RestControllerAdvice}, and
 * the API-wide advice answers every exception type it does not know as an unexpected
 * failure.
 */
interface SandboxErrorResponses {

	@ExceptionHandler
	default ResponseEntity<ErrorsJson> sandboxRequest(SandboxRequestException ex) {
		return ErrorsJson.refusal(ex);
	}

	@ExceptionHandler
	default ResponseEntity<ErrorsJson> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String expected = (type == int.class || type == long.class || type == Integer.class || type == Long.class)
				? "a whole number" : "a number";
		return ErrorsJson.response(HttpStatus.BAD_REQUEST,
				"Query parameter '" + ex.getName() + "' must be " + expected + " (got \"" + ex.getValue() + "\").");
	}

	@ExceptionHandler
	default ResponseEntity<ErrorsJson> missingParameter(MissingServletRequestParameterException ex) {
		return ErrorsJson.response(HttpStatus.BAD_REQUEST,
				"Query parameter '" + ex.getParameterName() + "' is required.");
	}

}
