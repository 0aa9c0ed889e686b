package io.trafficlab.stream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A destination a client may subscribe to: a sandbox's events or statistics topic, or its snapshot.
 *
 * @param sandbox the sandbox id
 * @param kind which of the three
 */
record StreamDestination(String sandbox, Kind kind) {

	private static final Pattern TOPIC = Pattern.compile("/topic/sandboxes/([A-Za-z0-9_-]{1,64})/(events|stats)");

	private static final Pattern SNAPSHOT = Pattern.compile("/app/sandboxes/([A-Za-z0-9_-]{1,64})/snapshot");

	static final String ALLOWED = "/topic/sandboxes/{id}/events, /topic/sandboxes/{id}/stats or "
			+ "/app/sandboxes/{id}/snapshot";

	static Optional<StreamDestination> parse(@Nullable String destination) {
		if (destination == null) {
			return Optional.empty();
		}
		Matcher topic = TOPIC.matcher(destination);
		if (topic.matches()) {
			return Optional.of(new StreamDestination(topic.group(1),
					topic.group(2).equals("events") ? Kind.EVENTS : Kind.STATS));
		}
		Matcher snapshot = SNAPSHOT.matcher(destination);
		return snapshot.matches() ? Optional.of(new StreamDestination(snapshot.group(1), Kind.SNAPSHOT))
				: Optional.empty();
	}

	/** What a destination carries. */
	enum Kind {

		/** Event batches, one per tick. */
		EVENTS,

		/** Statistics, a few times a second. */
		STATS,

		/** One snapshot, answered to the subscriber only. */
		SNAPSHOT

	}

}
