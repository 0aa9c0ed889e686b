package io.trafficlab.challenge;

import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * A challenge that does not exist, asked for by the API: a 404 that says which.
 */
final class ChallengeNotFoundException extends RefusedRequestException {

	ChallengeNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, "There is no challenge \"" + id + "\". The challenges are listed at /challenges.");
	}

}
