package io.trafficlab.lesson;

import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * A lesson, step or question that does not exist: a 404 page that says which.
 */
final class LessonNotFoundException extends RefusedRequestException {

	LessonNotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, message);
	}

}
