package io.trafficlab.system;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The JSON body of every error the API returns: {@code {"errors": ["..."]}}.
 *
 * @param errors the messages, for people
 */
public record ApiErrors(List<String> errors) {

	public ApiErrors {
		errors = List.copyOf(errors);
	}

	public static ApiErrors of(String message) {
		return new ApiErrors(List.of(message));
	}

	/**
	 * The refusal's status and message; a 503 or 429 also says when to try again.
	 */
	public static ResponseEntity<ApiErrors> refusal(RefusedRequestException ex) {
		HttpHeaders headers = new HttpHeaders();
		Duration retryAfter = ex.retryAfter();
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return response(ex.status(), headers, String.valueOf(ex.getMessage()));
	}

	public static ResponseEntity<ApiErrors> response(HttpStatus status, String message) {
		return response(status, new HttpHeaders(), message);
	}

	private static ResponseEntity<ApiErrors> response(HttpStatus status, HttpHeaders headers, String message) {
		// A preset Content-Type makes the body JSON whatever the client's Accept header
		// says
		return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(of(message));
	}

}
