package io.trafficlab.stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event stream ({@code trafficlab.stream.*}).
 *
 * @param relay the external STOMP broker, if one is used instead of the in-memory simple
 * broker
 */
@ConfigurationProperties("trafficlab.stream")
record StreamProperties(@DefaultValue Relay relay) {

	/**
	 * An external STOMP broker (RabbitMQ with the {@code rabbitmq_stomp} plugin) that
	 * takes over the topics: Spring's broker relay forwards every subscription and every
	 * published message to it over TCP.
	 *
	 * @param enabled whether to relay to the external broker; {@code false} keeps the
	 * in-memory simple broker
	 * @param host the broker's host
	 * @param port its STOMP port
	 * @param login the STOMP login of every connection, the application's own and one per
	 * browser
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
