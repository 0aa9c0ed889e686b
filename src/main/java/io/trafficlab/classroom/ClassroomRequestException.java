package io.trafficlab.classroom;

import io.trafficlab.room.RoomCode;
import io.trafficlab.system.RefusedRequestException;

import org.springframework.http.HttpStatus;

/**
 * A class request refused with a clear message and its status: on the API as
 * {@code {"errors": [...]}}, on the room pages inline.
 */
public class ClassroomRequestException extends RefusedRequestException {

	ClassroomRequestException(HttpStatus status, String message) {
		super(status, message);
	}

	static ClassroomRequestException teacherOnly(RoomCode code, String what) {
		return new ClassroomRequestException(HttpStatus.FORBIDDEN,
				"Only the teacher of room " + code.display() + " can " + what
						+ ": from the browser that opened the room (or with its secret as header "
						+ ClassroomAccess.TEACHER_HEADER + ").");
	}

	static ClassroomRequestException notJoined(RoomCode code) {
		return new ClassroomRequestException(HttpStatus.UNAUTHORIZED, "Join room " + code.display()
				+ " first: open its page, or POST /api/v1/rooms/" + code.value() + "/students.");
	}

	static ClassroomRequestException joinsClosed(RoomCode code) {
		return new ClassroomRequestException(HttpStatus.FORBIDDEN,
				"Room " + code.display() + " takes no new students now: the teacher closed it to new joins.");
	}

	static ClassroomRequestException full(RoomCode code, int max) {
		return new ClassroomRequestException(HttpStatus.SERVICE_UNAVAILABLE, "Room " + code.display() + " has " + max
				+ " students, the most a room takes (trafficlab.rooms.max-students).");
	}

	static ClassroomRequestException badValue(String message) {
		return new ClassroomRequestException(HttpStatus.BAD_REQUEST, message);
	}

	static ClassroomRequestException notNow(String message) {
		return new ClassroomRequestException(HttpStatus.CONFLICT, message);
	}

	static ClassroomRequestException held(int step) {
		return new ClassroomRequestException(HttpStatus.FORBIDDEN, "Your teacher is holding the class on step " + step
				+ ": the steps after it open when the teacher moves on or lets the class go free.");
	}

	static ClassroomRequestException notFound(String message) {
		return new ClassroomRequestException(HttpStatus.NOT_FOUND, message);
	}

}
