package io.trafficlab.api;

/**
 * A request the API refuses with {@code 400}: a bad or missing query parameter or an
 * unusable body. The message says what is wrong and what is allowed.
 */
class InvalidRequestException extends RuntimeException {

	InvalidRequestException(String message) {
		super(message);
	}

}
