package io.trafficlab.api;

import io.trafficlab.system.RefusedRequestException;
import io.trafficlab.system.RequestLimits;

import org.springframework.http.HttpStatus;

/**
 * The request body is over {@link RequestLimits#MAX_MANIFEST_BYTES}: answered with
 * {@code 413}.
 */
class BodyTooLargeException extends RefusedRequestException {

	BodyTooLargeException() {
		super(HttpStatus.CONTENT_TOO_LARGE, RequestLimits.BODY_TOO_LARGE);
	}

}
