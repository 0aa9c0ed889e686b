package io.trafficlab.lesson;

/**
 * A request a lesson page cannot take (no choice picked, a node the sandbox does not
 * have): a 400 with this message.
 */
final class LessonBadRequestException extends RuntimeException {

	LessonBadRequestException(String message) {
		super(message);
	}

}
