package io.trafficlab.api;

import io.trafficlab.system.RequestLimits;

/**
 * The request body is over {@link RequestLimits#MAX_MANIFEST_BYTES}: answered with
 * {@code 413}.
 */
class BodyTooLargeException extends RuntimeException {

	BodyTooLargeException() {
		super(RequestLimits.BODY_TOO_LARGE);
	}

}
