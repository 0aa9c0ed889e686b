package io.trafficlab.room;

/**
 * Where a room is reached: its pages, its API and its STOMP destinations (the canonical
 * code in each).
 */
public final class RoomDestinations {

	/** The room API's root. */
	public static final String API = "/api/v1/rooms";

	/** The join page; a room's own page is below it. */
	public static final String PAGES = "/rooms";

	private RoomDestinations() {
	}

	/** The topic the teacher sandbox's event batches are published on for the room. */
	public static String eventsTopic(RoomCode code) {
		return "/topic/rooms/" + code.value() + "/events";
	}

	/** The topic the teacher sandbox's statistics are published on for the room. */
	public static String statsTopic(RoomCode code) {
		return "/topic/rooms/" + code.value() + "/stats";
	}

	/** The topic of the room's class: its step, pacing and counts, when they change. */
	public static String classTopic(RoomCode code) {
		return "/topic/rooms/" + code.value() + "/class";
	}

	/** The teacher's page. */
	public static String teacherPage(RoomCode code) {
		return page(code) + "/teach";
	}

	/**
	 * Subscribing here answers once with the teacher sandbox's snapshot, under the room's
	 * code.
	 */
	public static String snapshotDestination(RoomCode code) {
		return "/app/rooms/" + code.value() + "/snapshot";
	}

	/**
	 * The room's snapshot over HTTP ({@code GET}): what a watcher's page draws first. A
	 * load balancer routes it to the room's owner, wherever the page's stream is
	 * connected.
	 */
	public static String snapshotUrl(RoomCode code) {
		return API + "/" + code.value() + "/snapshot";
	}

	/** The student's page, with the code as people read it. */
	public static String page(RoomCode code) {
		return PAGES + "/" + code.display();
	}

}
