package io.trafficlab.lesson;

/**
 * A lesson, step or question that does not exist: a 404 page that says which.
 */
final class LessonNotFoundException extends RuntimeException {

	LessonNotFoundException(String message) {
		super(message);
	}

}
