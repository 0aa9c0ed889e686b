package io.trafficlab.system;

import org.springframework.http.HttpStatus;

/**
 * A request refused with a clear message and the 4xx (or 503) status the API contract
 * gives it. Features throw their own subtype (pages tell a refused room from a refused
 * sandbox); whatever no page catches, {@link RefusedRequestAdvice} answers with the
 * status and the message, as JSON under the API and as a page or htmx notice elsewhere.
 */
public abstract class RefusedRequestException extends RuntimeException {

	private final HttpStatus status;

	protected RefusedRequestException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
