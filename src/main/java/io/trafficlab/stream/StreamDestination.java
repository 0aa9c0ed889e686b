package io.trafficlab.stream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.room.RoomCode;
import org.jspecify.annotations.Nullable;

/**
 * A destination a client may subscribe to: the events or statistics topic of a sandbox or
 * of a classroom room, or a snapshot of either.
 *
 * @param scope whether it names a sandbox (by id) or a room (by code)
 * @param key the sandbox id, or the room's canonical code
 * @param kind which of the three
 */
record StreamDestination(Scope scope, String key, Kind kind) {

	private static final String SANDBOX_ID = "[A-Za-z0-9_-]{1,64}";

	private static final Pattern TOPIC = Pattern.compile("/topic/(?:sandboxes/(?<sandbox>" + SANDBOX_ID
			+ ")|rooms/(?<room>" + RoomCode.CANONICAL + "))/(?<kind>events|stats)");

	/** A room's class: its lesson step, pacing, the counts of answers (never who). */
	private static final Pattern CLASS = Pattern.compile("/topic/rooms/(?<room>" + RoomCode.CANONICAL + ")/class");

	private static final Pattern SNAPSHOT = Pattern.compile(
			"/app/(?:sandboxes/(?<sandbox>" + SANDBOX_ID + ")|rooms/(?<room>" + RoomCode.CANONICAL + "))/snapshot");

	static final String ALLOWED = "/topic/sandboxes/{id}/events, /topic/sandboxes/{id}/stats, "
			+ "/app/sandboxes/{id}/snapshot, or the same under /rooms/{code} for a classroom room, "
			+ "and /topic/rooms/{code}/class";

	static StreamDestination sandbox(String id, Kind kind) {
		return new StreamDestination(Scope.SANDBOX, id, kind);
	}

	static StreamDestination room(RoomCode code, Kind kind) {
		return new StreamDestination(Scope.ROOM, code.value(), kind);
	}

	static Optional<StreamDestination> parse(@Nullable String destination) {
		if (destination == null) {
			return Optional.empty();
		}
		Matcher topic = TOPIC.matcher(destination);
		if (topic.matches()) {
			return Optional.of(of(topic, topic.group("kind").equals("events") ? Kind.EVENTS : Kind.STATS));
		}
		Matcher classTopic = CLASS.matcher(destination);
		if (classTopic.matches()) {
			return Optional.of(new StreamDestination(Scope.ROOM, classTopic.group("room"), Kind.CLASS));
		}
		Matcher snapshot = SNAPSHOT.matcher(destination);
		return snapshot.matches() ? Optional.of(of(snapshot, Kind.SNAPSHOT)) : Optional.empty();
	}

	/** The room's code; only for {@link Scope#ROOM}. */
	RoomCode roomCode() {
		if (this.scope != Scope.ROOM) {
			throw new IllegalStateException(this + " is not a room's destination");
		}
		return new RoomCode(this.key);
	}

	private static StreamDestination of(Matcher matcher, Kind kind) {
		String sandbox = matcher.group("sandbox");
		return (sandbox != null) ? new StreamDestination(Scope.SANDBOX, sandbox, kind)
				: new StreamDestination(Scope.ROOM, matcher.group("room"), kind);
	}

	/** What a destination names. */
	enum Scope {

		/** One sandbox, by its id: whoever holds the id may also send it commands. */
		SANDBOX,

		/**
		 * A classroom room, by its code: read-only, the sandbox id stays on the server.
		 */
		ROOM

	}

	/** What a destination carries. */
	enum Kind {

		/** Event batches, one per tick. */
		EVENTS,

		/** Statistics, a few times a second. */
		STATS,

		/** One snapshot, answered to the subscriber only. */
		SNAPSHOT,

		/** A room's class state, when it changes. */
		CLASS

	}

}
