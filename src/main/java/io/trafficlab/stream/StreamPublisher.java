package io.trafficlab.stream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomEnded;
import io.trafficlab.sandbox.EventBatch;
import io.trafficlab.sandbox.SandboxDestinations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends batches and statistics to a sandbox's topics or a room's (and a room's class
 * state), as JSON: one message per topic, however many browsers subscribe to it (the
 * broker copies it to each). Tells a room's students when it ends.
 *
 * <p>
 * The simple broker never refuses a message; an external broker that is down does, and
 * that must not stop a tick, so a refused message is dropped. While the broker is known
 * to be away, {@link BrokerOutages} has said so and the drop is silent; any other refusal
 * is logged at most once a minute, with its reason.
 */
@Component
public class StreamPublisher {

	private static final Logger logger = LoggerFactory.getLogger(StreamPublisher.class);

	private static final long WARN_EVERY_MILLIS = 60_000;

	private final SimpMessagingTemplate template;

	private final AtomicLong lastWarned = new AtomicLong(Long.MIN_VALUE / 2);

	private final Supplier<@Nullable BrokerOutageWatch> outages;

	StreamPublisher(SimpMessagingTemplate template) {
		this(template, () -> null);
	}

	@Autowired
	StreamPublisher(SimpMessagingTemplate template, ObjectProvider<BrokerOutageWatch> outages) {
		this(template, outages::getIfAvailable);
	}

	private StreamPublisher(SimpMessagingTemplate template, Supplier<@Nullable BrokerOutageWatch> outages) {
		this.template = template;
		this.outages = outages;
	}

	void publishBatch(String sandbox, EventBatch batch) {
		send(SandboxDestinations.eventsTopic(sandbox), batch);
	}

	void publishStatistics(String sandbox, StatisticsMessage statistics) {
		send(SandboxDestinations.statsTopic(sandbox), statistics);
	}

	void publishRoomBatch(RoomCode room, EventBatch batch) {
		send(RoomDestinations.eventsTopic(room), batch);
	}

	void publishRoomStatistics(RoomCode room, StatisticsMessage statistics) {
		send(RoomDestinations.statsTopic(room), statistics);
	}

	/** A room's class state, to everyone watching the room. */
	public void publishClass(RoomCode room, Object state) {
		send(RoomDestinations.classTopic(room), state);
	}

	@EventListener
	void roomEnded(RoomEnded ended) {
		send(RoomDestinations.eventsTopic(ended.code()), StreamEnded.because(ended.message()));
	}

	private void send(String destination, Object payload) {
		try {
			this.template.convertAndSend(destination, payload);
		}
		catch (MessagingException ex) {
			BrokerOutageWatch watch = this.outages.get();
			if (watch != null && watch.outages().brokerAway()) {
				return;
			}
			long now = System.currentTimeMillis();
			long last = this.lastWarned.get();
			if (now - last >= WARN_EVERY_MILLIS && this.lastWarned.compareAndSet(last, now)) {
				logger.warn("The message broker refused a message to {} ({}); dropping messages while it does, "
						+ "simulations run on", destination, reason(ex));
			}
		}
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
