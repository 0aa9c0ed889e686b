package io.trafficlab.system;

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
public record ErrorsJson(List<String> errors) {

	/** How long a client should wait before trying again after a 503. */
	private static final String RETRY_AFTER_SECONDS = "60";

	public ErrorsJson {
		errors = List.copyOf(errors);
	}

	public static ErrorsJson of(String message) {
		return new ErrorsJson(List.of(message));
	}

	/** The refusal's status and message; a 503 also says when to try again. */
	public static ResponseEntity<ErrorsJson> refusal(RefusedRequestException ex) {
		HttpHeaders headers = new HttpHeaders();
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return response(ex.status(), headers, String.valueOf(ex.getMessage()));
	}

	public static ResponseEntity<ErrorsJson> response(HttpStatus status, String message) {
		return response(status, new HttpHeaders(), message);
	}

	private static ResponseEntity<ErrorsJson> response(HttpStatus status, HttpHeaders headers, String message) {
		// A preset Content-Type makes the body JSON whatever the client's Accept header
		// says
		return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(of(message));
	}

}
