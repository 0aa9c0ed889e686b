package io.trafficlab.sandbox;

import java.time.Duration;
import java.util.Locale;

import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * A sandbox request refused with a clear message and the status the API contract gives
 * it.
 */
public class SandboxRequestException extends RefusedRequestException {

	SandboxRequestException(HttpStatus status, String message) {
		super(status, message);
	}

	SandboxRequestException(HttpStatus status, String message, Duration retryAfter) {
		super(status, message, retryAfter);
	}

	/** A 404 with {@link SandboxRegistry#whyMissing}'s words. */
	static SandboxRequestException notFound(String why) {
		return new SandboxRequestException(HttpStatus.NOT_FOUND, why);
	}

	static SandboxRequestException full(int maxLive) {
		return new SandboxRequestException(HttpStatus.SERVICE_UNAVAILABLE, String.format(Locale.ROOT,
				"This Traffic Lab server is running its limit of %,d live sandboxes (a limit per server). Try again "
						+ "in a few minutes: sandboxes nobody uses end by themselves.",
				maxLive));
	}

	static SandboxRequestException tooManyCreations(Duration wait, double perMinute, int burst) {
		return new SandboxRequestException(HttpStatus.TOO_MANY_REQUESTS,
				String.format(Locale.ROOT,
						"Too many new sandboxes from your address: at most %d at once, then %s a minute. "
								+ "Try again in %d s, or keep using the sandboxes you have.",
						burst,
						new java.math.BigDecimal(Double.toString(perMinute)).stripTrailingZeros().toPlainString(),
						Math.max(1, wait.toSeconds())),
				wait);
	}

	/** A value a command or parameter cannot take; the message names the parameter. */
	static SandboxRequestException badValue(String message) {
		return new SandboxRequestException(HttpStatus.BAD_REQUEST, message);
	}

	/**
	 * A cluster or command beyond the sandbox's limits, or manifests the simulation
	 * cannot follow.
	 */
	static SandboxRequestException unprocessable(String message) {
		return new SandboxRequestException(HttpStatus.UNPROCESSABLE_CONTENT, message);
	}

	/** A command that does not fit the sandbox's comparison, or its absence. */
	static SandboxRequestException conflict(String message) {
		return new SandboxRequestException(HttpStatus.CONFLICT, message);
	}

	static SandboxRequestException bodyTooLarge(String message) {
		return new SandboxRequestException(HttpStatus.CONTENT_TOO_LARGE, message);
	}

}
