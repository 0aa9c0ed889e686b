package io.trafficlab.system;

import org.springframework.http.HttpStatus;

/**
 * A request refused with a clear message and the status the API contract gives it. Each
 * feature keeps its own subtype (pages tell a refused room from a refused sandbox); the
 * API answers any of them with {@link ErrorsJson#refusal}.
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
