package io.trafficlab.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A room as the API describes it, to the teacher and to anyone with the code alike: never
 * the sandbox id. The answer that opens a room adds, for its teacher only, the teacher's
 * secret and page.
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
 * @param classTopic the STOMP topic of the room's class state
 * @param watching how many browsers watch the room now
 * @param maxStudents how many may watch at once
 * @param teacherSecret for the teacher only: what the teacher's controls need (header
 * {@code X-Teacher-Secret}, or the cookie the same answer sets)
 * @param teacherPage for the teacher only: the teacher's page
 */
public record RoomJson(String code, String display, String joinPage, String joinUrl, String projectorUrl,
		String forkUrl, String topic, String statsTopic, String snapshotDestination, String classTopic, int watching,
		int maxStudents, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String teacherSecret,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String teacherPage) {

	/** Absolute links, from the current request's host. */
	public static RoomJson of(Room room, int watching, int maxStudents) {
		RoomCode code = room.code();
		String page = RoomDestinations.page(code);
		return new RoomJson(code.value(), code.display(), absolute(RoomDestinations.PAGES), absolute(page),
				absolute(page + "/projector"), absolute(page + "/fork"), RoomDestinations.eventsTopic(code),
				RoomDestinations.statsTopic(code), RoomDestinations.snapshotDestination(code),
				RoomDestinations.classTopic(code), watching, maxStudents, null, null);
	}

	/**
	 * The room as its teacher gets it when it opens: with the secret and the teacher's
	 * page.
	 */
	public static RoomJson forTeacher(Room room, int watching, int maxStudents) {
		RoomJson json = of(room, watching, maxStudents);
		return new RoomJson(json.code, json.display, json.joinPage, json.joinUrl, json.projectorUrl, json.forkUrl,
				json.topic, json.statsTopic, json.snapshotDestination, json.classTopic, watching, maxStudents,
				room.teacher().value(), absolute(RoomDestinations.teacherPage(room.code())));
	}

	private static String absolute(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
	}

}
