package io.trafficlab.stream;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the event stream ({@code trafficlab.stream.*}).
 *
 * @param relay the external STOMP broker that several instances share, if any
 * @param compression whether to accept the browser's offer of {@code permessage-deflate};
 * off by default, because Tomcat compresses every copy of a message once per connection
 * on the sending thread (see the README's stream figures)
 * @param sendBuffer how many bytes of unsent messages one connection may hold; beyond it
 * the oldest are dropped (the page sees the gap in {@code seq} and fetches a snapshot)
 * @param sendBuffers how many bytes of unsent messages all connections together may hold;
 * beyond it the connection that adds one drops its oldest
 * @param sendTimeLimit how long one write to a browser may stay unfinished (its socket
 * full: the browser stopped reading) before the connection is closed
 * @param maxSubscriptions how many topics one connection may subscribe to at once (a page
 * needs two)
 * @param maxRoomSeats how many seats of one room a single connection may take (a
 * student's page takes one)
 */
@ConfigurationProperties("trafficlab.stream")
record StreamProperties(@DefaultValue Relay relay, @DefaultValue("false") boolean compression,
		@DefaultValue("256KB") DataSize sendBuffer, @DefaultValue("64MB") DataSize sendBuffers,
		@DefaultValue("10s") Duration sendTimeLimit, @DefaultValue("8") int maxSubscriptions,
		@DefaultValue("1") int maxRoomSeats) {

	StreamProperties {
		if (sendBuffer.toBytes() < 1024 || sendBuffer.toBytes() > sendBuffers.toBytes()) {
			throw new IllegalArgumentException("trafficlab.stream.send-buffer must be at least 1KB and at most "
					+ "trafficlab.stream.send-buffers (" + sendBuffers + "), not " + sendBuffer);
		}
		if (sendBuffers.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("trafficlab.stream.send-buffers must be below 2GB, not " + sendBuffers);
		}
		if (sendTimeLimit.toMillis() < 1_000) {
			throw new IllegalArgumentException(
					"trafficlab.stream.send-time-limit must be at least 1s, not " + sendTimeLimit);
		}
		requireBetween("max-subscriptions", maxSubscriptions);
		requireBetween("max-room-seats", maxRoomSeats);
	}

	/** The defaults, as a test or a tool without Spring's binding needs them. */
	static StreamProperties defaults() {
		return new StreamProperties(new Relay(false, "localhost", 61613, "guest", "guest", null), false,
				DataSize.ofKilobytes(256), DataSize.ofMegabytes(64), Duration.ofSeconds(10), 8, 1);
	}

	private static void requireBetween(String name, int value) {
		if (value < 1 || value > 1_000) {
			throw new IllegalArgumentException(
					"trafficlab.stream." + name + " must be between 1 and 1000, not " + value);
		}
	}

	/**
	 * An external STOMP broker (RabbitMQ with the {@code rabbitmq_stomp} plugin) that
	 * instances share for their reports and the rooms' streams ({@link BrokerLink}); the
	 * browsers stay on each instance's in-memory broker.
	 *
	 * @param enabled whether to connect to the external broker
	 * @param host the broker's host
	 * @param port its STOMP port
	 * @param login the STOMP login of the instance's one connection
	 * @param passcode its passcode
	 * @param virtualHost the STOMP {@code host} header (RabbitMQ's virtual host), or
	 * {@code null} for the broker's default
	 */
	record Relay(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
			@DefaultValue("61613") int port, @DefaultValue("guest") String login,
			@DefaultValue("guest") String passcode, @Nullable String virtualHost) {

		Relay {
			if (port < 1 || port > 65_535) {
				throw new IllegalArgumentException(
						"trafficlab.stream.relay.port must be between 1 and 65535, not " + port);
			}
		}

	}

}
