package io.trafficlab.sandbox;

import java.util.List;

import io.trafficlab.system.ApiErrors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The sandbox controllers' own errors, in the v1 API's {@code {"errors": [...]}} shape. Everything else (manifest
 * syntax, API-server rejections, cluster limits, unexpected failures) goes on to the API-wide handler.
 *
 * <p>
 * These are controller-local handlers (the controllers implement this interface) because controller-local handlers
 * are consulted before any {@code @RestControllerAdvice}, and the API-wide advice answers every exception type it does
 * not know as an unexpected failure.
 */
interface SandboxErrorResponses {

	/** How long a client should wait before creating a sandbox again after a 503. */
	String RETRY_AFTER_SECONDS = "60";

	@ExceptionHandler
	default ResponseEntity<ApiErrors> sandboxRequest(SandboxRequestException ex) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return error(ex.status(), headers, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler
	default ResponseEntity<ApiErrors> typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String expected = (type == int.class || type == long.class || type == Integer.class || type == Long.class)
				? "a whole number" : "a number";
		return error(HttpStatus.BAD_REQUEST, new HttpHeaders(),
				"Query parameter '" + ex.getName() + "' must be " + expected + " (got \"" + ex.getValue() + "\").");
	}

	@ExceptionHandler
	default ResponseEntity<ApiErrors> missingParameter(MissingServletRequestParameterException ex) {
		return error(HttpStatus.BAD_REQUEST, new HttpHeaders(),
				"Query parameter '" + ex.getParameterName() + "' is required.");
	}

	private static ResponseEntity<ApiErrors> error(HttpStatus status, HttpHeaders headers, String message) {
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ApiErrors(List.of(message)));
	}

}
