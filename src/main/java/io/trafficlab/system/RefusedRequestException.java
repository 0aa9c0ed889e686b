package io.trafficlab.system;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A request refused with a clear message and the 4xx (or 503) status the API contract
 * gives it. Features throw their own subtype (pages tell a refused room from a refused
 * sandbox); whatever no page catches, {@link RefusedRequestAdvice} answers with the
 * status and the message, as JSON under the API and as a page or htmx notice elsewhere.
 */
public abstract class RefusedRequestException extends RuntimeException {

	/** How long a client should wait before trying again after a 503. */
	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

	private final HttpStatus status;

	private final @Nullable Duration retryAfter;

	protected RefusedRequestException(HttpStatus status, String message) {
		this(status, message, null);
	}

	/** A refusal that says when to try again ({@code Retry-After}). */
	protected RefusedRequestException(HttpStatus status, String message, @Nullable Duration retryAfter) {
		super(message);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * When the client may try again: the refusal's own wait, or a minute for any 503;
	 * {@code null} when trying again will not help.
	 */
	public @Nullable Duration retryAfter() {
		if (this.retryAfter == null && this.status == HttpStatus.SERVICE_UNAVAILABLE) {
			return DEFAULT_RETRY_AFTER;
		}
		return this.retryAfter;
	}

}
