package io.trafficlab.stream;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Topic names as an external broker takes them. RabbitMQ's STOMP plugin reads everything
 * after {@code /topic/} as one AMQP routing key and refuses a name with more slashes, so
 * {@code /topic/rooms/K7F2QX/events} travels to it as {@code /topic/rooms.K7F2QX.events}
 * (dots are RabbitMQ's topic separators) and comes back under its own name. The mapping
 * is one-to-one because no sandbox id, room code or topic segment contains a dot.
 */
final class BrokerDestinations {

	private static final String TOPIC = "/topic/";

	private static final Pattern SLASH = Pattern.compile("/");

	private static final Pattern DOT = Pattern.compile("\\.");

	private BrokerDestinations() {
	}

	/** The name the broker gets: the slashes after {@code /topic/} become dots. */
	static @Nullable String toBroker(@Nullable String destination) {
		return map(destination, SLASH, ".");
	}

	/** The name the application and its browsers use. */
	static @Nullable String fromBroker(@Nullable String destination) {
		return map(destination, DOT, "/");
	}

	private static @Nullable String map(@Nullable String destination, Pattern separator, String replacement) {
		if (destination == null || !destination.startsWith(TOPIC)) {
			return destination;
		}
		return TOPIC + separator.matcher(destination.substring(TOPIC.length())).replaceAll(replacement);
	}

}
