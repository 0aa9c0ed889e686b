package io.trafficlab.api;

import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses with {@code 400}: a bad or missing query parameter or an
 * unusable body. The message says what is wrong and what is allowed.
 */
class InvalidRequestException extends RefusedRequestException {

	InvalidRequestException(String message) {
		super(HttpStatus.BAD_REQUEST, message);
	}

}
