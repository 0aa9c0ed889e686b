package io.trafficlab.lesson;

import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * A request a lesson page cannot take (no choice picked, a node the sandbox does not
 * have): a 400 with this message.
 */
final class LessonBadRequestException extends RefusedRequestException {

	LessonBadRequestException(String message) {
		super(HttpStatus.BAD_REQUEST, message);
	}

}
