package io.trafficlab.stream;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomJoins;
import io.trafficlab.room.RoomProperties;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.room.RoomRequestException;
import io.trafficlab.sandbox.SandboxRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Keeps the stream one-way and per sandbox or room: clients may not SEND (commands are
 * HTTP, and a SEND to {@code /topic} would reach other subscribers, a whole class through
 * a room's topic), and may subscribe only to a live sandbox's or an open room's own
 * destinations, a room only while it has seats. One connection holds at most
 * {@code trafficlab.stream.max-subscriptions} topics and
 * {@code trafficlab.stream.max-room-seats} seats of one room, so one script cannot fill a
 * class's room or multiply the stream. A subscription naming no open room counts against
 * the client's allowance of wrong room codes, as a join by page or API does
 * ({@link RoomJoins}), so the stream is no faster way to guess codes. A refusal reaches
 * the client as a STOMP ERROR frame.
 */
@Component
class StreamInboundGuard implements ChannelInterceptor {

	private final SandboxRegistry sandboxes;

	private final RoomRegistry rooms;

	private final StreamSubscriptions subscriptions;

	private final int maxStudents;

	private final int maxSubscriptions;

	private final int maxRoomSeats;

	private final @Nullable RoomJoins joins;

	private final PeerReports peers;

	private final ThisInstance instance;

	/** The broker other instances' rooms come through, if instances share one. */
	private final @Nullable ObjectProvider<BrokerLink> broker;

	/** Without a limit on wrong room codes, for tests. */
	StreamInboundGuard(SandboxRegistry sandboxes, RoomRegistry rooms, StreamSubscriptions subscriptions,
			RoomProperties roomProperties, StreamProperties streamProperties) {
		this(sandboxes, rooms, null, subscriptions, roomProperties, streamProperties, PeerReports.alone(),
				ThisInstance.single(), null);
	}

	@Autowired
	StreamInboundGuard(SandboxRegistry sandboxes, RoomRegistry rooms, @Nullable RoomJoins joins,
			StreamSubscriptions subscriptions, RoomProperties roomProperties, StreamProperties streamProperties,
			PeerReports peers, ThisInstance instance, @Nullable ObjectProvider<BrokerLink> broker) {
		this.peers = peers;
		this.instance = instance;
		this.broker = broker;
		this.joins = joins;
		this.sandboxes = sandboxes;
		this.rooms = rooms;
		this.subscriptions = subscriptions;
		this.maxStudents = roomProperties.maxStudents();
		this.maxSubscriptions = streamProperties.maxSubscriptions();
		this.maxRoomSeats = streamProperties.maxRoomSeats();
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null) {
			return message;
		}
		if (accessor.getCommand() == StompCommand.SEND) {
			throw new MessageDeliveryException(message, "The stream only carries events to the browser; send "
					+ "commands as HTTP requests to /api/v1/sandboxes/{id}/... (a classroom room is read-only).");
		}
		if (accessor.getCommand() == StompCommand.SUBSCRIBE) {
			String destination = accessor.getDestination();
			StreamDestination target = StreamDestination.parse(destination)
				.orElseThrow(() -> new MessageDeliveryException(message,
						"Cannot subscribe to " + destination + "; subscribe to " + StreamDestination.ALLOWED + "."));
			String bound = EmbedHandshake.boundSandbox(accessor);
			if (bound != null && (target.scope() != StreamDestination.Scope.SANDBOX || !target.key().equals(bound))) {
				throw new MessageDeliveryException(message, "This connection was opened by an embedded sandbox and "
						+ "may subscribe only to that sandbox's own destinations.");
			}
			if (target.kind() != StreamDestination.Kind.SNAPSHOT) {
				requireFreeSubscription(message, accessor.getSessionId());
			}
			switch (target.scope()) {
				case SANDBOX -> requireSandbox(message, target.key());
				case ROOM ->
					requireSeat(message, target, accessor.getSessionId(), ClientAddressHandshake.clientOf(accessor));
			}
		}
		return message;
	}

	private void requireFreeSubscription(Message<?> message, @Nullable String session) {
		if (session != null && this.subscriptions.subscriptionsOf(session) >= this.maxSubscriptions) {
			throw new MessageDeliveryException(message,
					"This connection already subscribes to " + this.maxSubscriptions
							+ " topics, the most one connection may (trafficlab.stream.max-subscriptions); "
							+ "unsubscribe from one first.");
		}
	}

	private void requireSandbox(Message<?> message, String id) {
		if (this.sandboxes.find(id).isEmpty()) {
			throw new MessageDeliveryException(message, this.sandboxes.whyMissing(id));
		}
	}

	/**
	 * Whether the room is another instance's, and the broker it would come through away.
	 */
	private boolean unreachable(RoomCode code) {
		BrokerLink link = (this.broker != null) ? this.broker.getIfAvailable() : null;
		return link != null && link.enabled() && this.instance.otherOwnerOfRoom(code.value()).isPresent()
				&& !link.available();
	}

	private void requireSeat(Message<?> message, StreamDestination target, @Nullable String session,
			@Nullable String client) {
		RoomCode code = target.roomCode();
		RoomJoins joins = this.joins;
		if (joins != null && client != null) {
			try {
				joins.requireAllowance(client);
			}
			catch (RoomRequestException ex) {
				throw new MessageDeliveryException(message, String.valueOf(ex.getMessage()));
			}
		}
		if (unreachable(code)) {
			// Not a wrong code: the broker that carries other instances' rooms is away
			throw new MessageDeliveryException(message, RoomsOverBroker.BROKER_AWAY);
		}
		if (this.rooms.find(code).isEmpty() && !this.peers.openElsewhere(code)) {
			if (joins != null && client != null) {
				joins.miss(client);
			}
			throw new MessageDeliveryException(message,
					"There is no open room " + code.display() + ": it never existed or it has ended.");
		}
		if (target.kind() == StreamDestination.Kind.EVENTS && this.subscriptions.watching(code) >= this.maxStudents) {
			throw new MessageDeliveryException(message, "Room " + code.display() + " is full: " + this.maxStudents
					+ " browsers watch it already. Try again in a moment.");
		}
		if (target.kind() == StreamDestination.Kind.EVENTS && session != null
				&& this.subscriptions.subscriptionsOf(session, target) >= this.maxRoomSeats) {
			throw new MessageDeliveryException(message,
					"This connection already takes " + this.maxRoomSeats + " seat(s) of room " + code.display()
							+ ", the most one connection may (trafficlab.stream.max-room-seats); "
							+ "each student's browser takes its own.");
		}
	}

}
