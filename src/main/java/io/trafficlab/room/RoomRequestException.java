package io.trafficlab.room;

import java.time.Duration;
import java.util.Locale;

import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * A room request refused with a clear message and its status: on the API as
 * {@code {"errors": [...]}}, on the room pages inline.
 */
public class RoomRequestException extends RefusedRequestException {

	RoomRequestException(HttpStatus status, String message) {
		super(status, message);
	}

	RoomRequestException(HttpStatus status, String message, Duration retryAfter) {
		super(status, message, retryAfter);
	}

	static RoomRequestException tooManyMisses(Duration wait) {
		return new RoomRequestException(HttpStatus.TOO_MANY_REQUESTS,
				"Too many room codes from your address name no open room. Check the code your teacher shows and try "
						+ "again in " + Math.max(1, wait.toSeconds()) + " s.",
				wait);
	}

	static RoomRequestException badCode(String message) {
		return new RoomRequestException(HttpStatus.BAD_REQUEST, message);
	}

	public static RoomRequestException missingSandbox() {
		return new RoomRequestException(HttpStatus.BAD_REQUEST,
				"Query parameter 'sandbox' is required: the id of the sandbox the room follows.");
	}

	static RoomRequestException unknown(RoomCode code) {
		return new RoomRequestException(HttpStatus.NOT_FOUND, "There is no room " + code.display()
				+ ". Check the code your teacher shows; rooms end when the teacher's sandbox ends.");
	}

	static RoomRequestException ended(RoomCode code, String why) {
		return new RoomRequestException(HttpStatus.GONE,
				"This room has ended: " + why + " (room " + code.display() + ").");
	}

	static RoomRequestException noSandbox(String id) {
		return new RoomRequestException(HttpStatus.NOT_FOUND, "There is no sandbox \"" + id
				+ "\" to open a room on: it never existed or it ended. Open the playground and try again.");
	}

	static RoomRequestException notTheTeacher(RoomCode code) {
		return new RoomRequestException(HttpStatus.FORBIDDEN,
				"Only the teacher can close room " + code.display()
						+ ": from the browser that opened it, or by sending the id of the sandbox the room follows as "
						+ "query parameter 'sandbox'.");
	}

	static RoomRequestException full(int max) {
		return new RoomRequestException(HttpStatus.SERVICE_UNAVAILABLE, String.format(Locale.ROOT,
				"This Traffic Lab server has its limit of %,d open classroom rooms (a limit per server). Try again "
						+ "in a few minutes: a room ends " + "when its teacher's sandbox ends.",
				max));
	}

}
