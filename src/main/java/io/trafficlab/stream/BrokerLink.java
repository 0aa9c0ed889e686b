package io.trafficlab.stream;

import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;

/**
 * This instance's one connection to the external broker (RabbitMQ's STOMP plugin), when
 * {@code trafficlab.stream.relay.enabled} switches it on ({@link #enabled()}; off, it
 * sends nothing and is never available): Spring's broker relay, used for its system
 * connection only ({@link BrokerLinkConfiguration}). Over it travel the instances'
 * reports ({@link InstanceReport}) and the rooms' messages ({@link RoomsOverBroker}),
 * each on one topic that every instance subscribes to.
 *
 * <p>
 * A message sent while the broker is away is dropped (simulations run on;
 * {@link BrokerOutages} has told the operator). Any other refusal is logged at most once
 * a minute, with its reason.
 */
final class BrokerLink {

	private static final Logger logger = LoggerFactory.getLogger(BrokerLink.class);

	private static final long WARN_EVERY_MILLIS = 60_000;

	private final StompBrokerRelayMessageHandler relay;

	private final SimpMessagingTemplate template;

	private final AtomicLong lastWarned = new AtomicLong(Long.MIN_VALUE / 2);

	private final boolean enabled;

	BrokerLink(StompBrokerRelayMessageHandler relay, SimpMessagingTemplate template, boolean enabled) {
		this.relay = relay;
		this.template = template;
		this.enabled = enabled;
	}

	/** Whether this instance shares a broker with others. */
	boolean enabled() {
		return this.enabled;
	}

	/** Whether the connection to the broker is up right now. */
	boolean available() {
		return this.enabled && this.relay.isBrokerAvailable();
	}

	/**
	 * Whether an event about a broker is about this one (the simple broker sends some
	 * too).
	 */
	boolean about(BrokerAvailabilityEvent event) {
		return event.getSource() == this.relay;
	}

	/**
	 * Sends the payload, as JSON, to a broker topic; the headers travel as STOMP headers.
	 */
	void send(String topic, Object payload, Map<String, Object> headers) {
		if (!available()) {
			return;
		}
		try {
			this.template.convertAndSend(topic, payload, headers);
		}
		catch (MessagingException ex) {
			if (!available() || connectionClosed(ex)) {
				// The connection went while this was sent (the relay may not have noticed
				// yet): the outage is logged once, by BrokerOutages
				return;
			}
			long now = System.currentTimeMillis();
			long last = this.lastWarned.get();
			if (now - last >= WARN_EVERY_MILLIS && this.lastWarned.compareAndSet(last, now)) {
				logger.warn("The message broker refused a message to {} ({}); dropping messages while it does, "
						+ "simulations run on", topic, reason(ex));
			}
		}
	}

	/**
	 * Whether the send failed because the connection to the broker was closed under it
	 * (the TCP client reports a closed channel): an outage, not a refusal.
	 */
	static boolean connectionClosed(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClosedChannelException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The first message in the exception's causes (Spring's relay often throws one
	 * without), or its kind.
	 */
	static String reason(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && !message.isBlank()) {
				return message;
			}
		}
		return "no reason given, " + ex.getClass().getSimpleName();
	}

}
