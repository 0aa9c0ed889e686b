package io.trafficlab.stream;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomProperties;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.SandboxRegistry;

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
 * destinations, a room only while it has seats. A refusal reaches the client as a STOMP
 * ERROR frame.
 */
@Component
class StreamInboundGuard implements ChannelInterceptor {

	private final SandboxRegistry sandboxes;

	private final RoomRegistry rooms;

	private final StreamSubscriptions subscriptions;

	private final int maxStudents;

	StreamInboundGuard(SandboxRegistry sandboxes, RoomRegistry rooms, StreamSubscriptions subscriptions,
			RoomProperties roomProperties) {
		this.sandboxes = sandboxes;
		this.rooms = rooms;
		this.subscriptions = subscriptions;
		this.maxStudents = roomProperties.maxStudents();
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
			switch (target.scope()) {
				case SANDBOX -> requireSandbox(message, target.key());
				case ROOM -> requireSeat(message, target);
			}
		}
		return message;
	}

	private void requireSandbox(Message<?> message, String id) {
		if (this.sandboxes.find(id).isEmpty()) {
			throw new MessageDeliveryException(message, "There is no sandbox \"" + id
					+ "\": it never existed or it ended. Create one with POST /api/v1/sandboxes.");
		}
	}

	private void requireSeat(Message<?> message, StreamDestination target) {
		RoomCode code = target.roomCode();
		if (this.rooms.find(code).isEmpty()) {
			throw new MessageDeliveryException(message,
					"There is no open room " + code.display() + ": it never existed or it has ended.");
		}
		if (target.kind() == StreamDestination.Kind.EVENTS && this.subscriptions.watchers(target) >= this.maxStudents) {
			throw new MessageDeliveryException(message, "Room " + code.display() + " is full: " + this.maxStudents
					+ " browsers watch it already. Try again in a moment.");
		}
	}

}
