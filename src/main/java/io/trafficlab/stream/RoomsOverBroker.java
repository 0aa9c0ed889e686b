package io.trafficlab.stream;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomCode;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * A room's messages between instances, when they share a broker ({@link BrokerLink}). The
 * owner sends each message of its open rooms (batches, statistics, the class state, the
 * end) once to the broker, on {@link #TOPIC}, with the room's own destination in the
 * {@link #DESTINATION} header. Every instance subscribes to that topic once, and copies
 * the messages of other instances' rooms to its own browsers that watch them
 * ({@link LocalFanOut}). So the broker carries one copy of a room's stream to each
 * instance, and each instance copies it to its own students; every instance receives
 * every open room's stream, whether or not its browsers watch it.
 *
 * <p>
 * A student of another instance's room depends on the broker: when it goes away this
 * instance tells each such browser, with an ERROR frame, and closes its connection; the
 * page says so and reconnects, and the guard refuses the room until the broker is back. A
 * room's watchers on its owner do not depend on the broker.
 */
@Component
class RoomsOverBroker implements MessageHandler {

	/** The broker topic of every room's messages. */
	static final String TOPIC = "/topic/trafficlab.rooms";

	/** The STOMP header that carries a message's destination in its room. */
	static final String DESTINATION = "trafficlab-destination";

	/**
	 * What a browser watching another instance's room is told when the broker goes away;
	 * the words Spring's relay used, which pages read as "the broker is away".
	 */
	static final String CONNECTION_CLOSED = "Connection to broker closed.";

	/** Why such a room is refused while the broker is away; Spring's words too. */
	static final String BROKER_AWAY = "Broker not available.";

	private static final Logger logger = LoggerFactory.getLogger(RoomsOverBroker.class);

	private final ThisInstance instance;

	private final StreamSubscriptions subscriptions;

	private final MessageChannel toBrowsers;

	private final ObjectProvider<BrokerLink> link;

	/** The copies to this instance's browsers, off the broker connection's thread. */
	private final LocalFanOut fanOut;

	RoomsOverBroker(ThisInstance instance, StreamSubscriptions subscriptions,
			@Qualifier("clientOutboundChannel") MessageChannel toBrowsers, ObjectProvider<BrokerLink> link) {
		this.instance = instance;
		this.subscriptions = subscriptions;
		this.toBrowsers = toBrowsers;
		this.fanOut = new LocalFanOut(toBrowsers, Runtime.getRuntime().availableProcessors());
		this.link = link;
	}

	/**
	 * Sends a message of a room to the other instances, if this instance owns the room
	 * and shares a broker.
	 */
	void publish(RoomCode room, String destination, Object payload) {
		BrokerLink broker = this.link.getIfAvailable();
		if (broker != null && broker.enabled() && owned(room)) {
			broker.send(TOPIC, payload, Map.of(DESTINATION, destination));
		}
	}

	/** A room's message from the broker: to this instance's browsers watching it. */
	@Override
	public void handleMessage(Message<?> message) {
		StompHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		String destination = (headers != null) ? headers.getFirstNativeHeader(DESTINATION) : null;
		Optional<StreamDestination> target = StreamDestination.parse(destination)
			.filter((parsed) -> parsed.scope() == StreamDestination.Scope.ROOM
					&& parsed.kind() != StreamDestination.Kind.SNAPSHOT);
		if (target.isEmpty() || !(message.getPayload() instanceof byte[] payload)) {
			logger.warn("Ignored a message on {} that names no room's topic: {}", TOPIC, destination);
			return;
		}
		if (owned(target.get().roomCode())) {
			return;
		}
		List<StreamSubscriptions.Subscriber> subscribers = this.subscriptions.subscribers(target.get());
		if (!subscribers.isEmpty()) {
			this.fanOut.copy(subscribers, destination, payload,
					(headers.getContentType() != null) ? headers.getContentType() : MimeTypeUtils.APPLICATION_JSON);
		}
	}

	@PreDestroy
	void stop() {
		this.fanOut.stop();
	}

	/**
	 * The broker went away: each browser here that watches another instance's room is
	 * told and its connection closed.
	 */
	void brokerGone() {
		for (String session : this.subscriptions
			.sessionsWatching((destination) -> destination.scope() == StreamDestination.Scope.ROOM
					&& !owned(destination.roomCode()))) {
			StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
			error.setMessage(CONNECTION_CLOSED);
			error.setSessionId(session);
			this.toBrowsers.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
		}
	}

	private boolean owned(RoomCode room) {
		return this.instance.otherOwnerOfRoom(room.value()).isEmpty();
	}

}
