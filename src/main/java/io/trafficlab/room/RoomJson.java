package io.trafficlab.room;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A room as the API describes it, to the teacher and to anyone with the code alike: never
 * the sandbox id.
 *
 * @param code the canonical code
 * @param display the code as people read it ({@code K7F-2QX})
 * @param joinPage where students type the code
 * @param joinUrl the room's own page: students open it to watch
 * @param projectorUrl the room in large type, for a projector
 * @param forkUrl opening it gives a new sandbox in the teacher's current state
 * @param topic the STOMP topic of the teacher sandbox's event batches, for this room
 * @param statsTopic the STOMP topic of its statistics, for this room
 * @param snapshotDestination the STOMP destination that answers a subscription with a
 * snapshot
 * @param watching how many browsers watch the room now
 * @param maxStudents how many may watch at once
 */
record RoomJson(String code, String display, String joinPage, String joinUrl, String projectorUrl, String forkUrl,
		String topic, String statsTopic, String snapshotDestination, int watching, int maxStudents) {

	/** Absolute links, from the current request's host. */
	static RoomJson of(Room room, int watching, int maxStudents) {
		RoomCode code = room.code();
		String page = RoomDestinations.page(code);
		return new RoomJson(code.value(), code.display(), absolute(RoomDestinations.PAGES), absolute(page),
				absolute(page + "/projector"), absolute(page + "/fork"), RoomDestinations.eventsTopic(code),
				RoomDestinations.statsTopic(code), RoomDestinations.snapshotDestination(code), watching, maxStudents);
	}

	private static String absolute(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
	}

}
