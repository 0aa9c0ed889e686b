package io.trafficlab.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomJoinProperties;
import io.trafficlab.room.RoomJoins;
import io.trafficlab.room.RoomProperties;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.room.TestRooms;
import io.trafficlab.sandbox.MutableClock;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxDestinations;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.sandbox.TestSandboxes;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link StreamInboundGuard}: the stream is one-way, and a room's students
 * reach the teacher's sandbox only through the room's own read-only destinations, while
 * it is open and has seats.
 */
class StreamInboundGuardTests {

	private static final MessageChannel CHANNEL = (message, timeout) -> true;

	private final SandboxRegistry sandboxes = TestSandboxes.registry();

	private final RoomRegistry rooms = TestRooms.registry(this.sandboxes);

	private final StreamSubscriptions subscriptions = new StreamSubscriptions();

	private final StreamInboundGuard guard = new StreamInboundGuard(this.sandboxes, this.rooms, this.subscriptions,
			new RoomProperties(100, 2), StreamProperties.defaults());

	private final Sandbox teacher = this.sandboxes.createFromPreset(null, 1L);

	private final RoomCode room = this.rooms.open(this.teacher.id()).room().code();

	@Test
	void subscribeToAnOpenRoomsDestinationsShouldPass() {
		for (String destination : List.of(RoomDestinations.eventsTopic(this.room),
				RoomDestinations.statsTopic(this.room), RoomDestinations.snapshotDestination(this.room))) {
			Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, "s1", destination);
			assertThat(this.guard.preSend(subscribe, CHANNEL)).isSameAs(subscribe);
		}
	}

	@Test
	void sendThroughARoomsDestinationsShouldBeRefused() {
		for (String destination : List.of(RoomDestinations.eventsTopic(this.room),
				RoomDestinations.statsTopic(this.room), RoomDestinations.snapshotDestination(this.room),
				"/app/rooms/" + this.room.value() + "/commands",
				"/app/rooms/" + this.room.value() + "/service/external-traffic-policy",
				SandboxDestinations.eventsTopic(this.teacher.id()))) {
			assertThatThrownBy(() -> this.guard.preSend(frame(StompCommand.SEND, "s1", destination), CHANNEL))
				.isInstanceOf(MessageDeliveryException.class)
				.hasMessageContaining("The stream only carries events to the browser")
				.hasMessageContaining("a classroom room is read-only");
		}
	}

	@Test
	void subscribeWhenTheRoomIsUnknownOrEndedShouldBeRefused() {
		assertThatThrownBy(
				() -> this.guard.preSend(frame(StompCommand.SUBSCRIBE, "s1", "/topic/rooms/ZZZZZZ/events"), CHANNEL))
			.hasMessageContaining("There is no open room ZZZ-ZZZ: it never existed or it has ended.");
		this.rooms.close(this.room, this.teacher.id());
		assertThatThrownBy(() -> this.guard
			.preSend(frame(StompCommand.SUBSCRIBE, "s1", RoomDestinations.eventsTopic(this.room)), CHANNEL))
			.hasMessageContaining("There is no open room " + this.room.display());
	}

	@Test
	void subscribeWhenTheRoomIsFullShouldBeRefusedUntilASeatFrees() {
		String events = RoomDestinations.eventsTopic(this.room);
		for (String student : List.of("s1", "s2")) {
			Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, student, events);
			this.subscriptions.postSend(this.guard.preSend(subscribe, CHANNEL), CHANNEL, true);
		}
		assertThat(this.subscriptions.watching(this.room)).isEqualTo(2);
		assertThatThrownBy(() -> this.guard.preSend(frame(StompCommand.SUBSCRIBE, "s3", events), CHANNEL)).hasMessage(
				"Room " + this.room.display() + " is full: 2 browsers watch it already. Try again in a moment.");
		this.subscriptions.postSend(frame(StompCommand.DISCONNECT, "s1", null), CHANNEL, true);
		Message<byte[]> third = frame(StompCommand.SUBSCRIBE, "s3", events);
		assertThat(this.guard.preSend(third, CHANNEL)).isSameAs(third);
	}

	@Test
	void subscribeToARoomDestinationSpelledAnotherWayShouldBeRefused() {
		assertThatThrownBy(() -> this.guard
			.preSend(frame(StompCommand.SUBSCRIBE, "s1", "/topic/rooms/" + this.room.display() + "/events"), CHANNEL))
			.hasMessageContaining("Cannot subscribe to /topic/rooms/" + this.room.display() + "/events");
	}

	@Test
	void subscribeToUnknownRoomsShouldCountAgainstTheClientsWrongCodeAllowance() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		RoomJoins joins = new RoomJoins(this.rooms, new RoomJoinProperties(1, 2), clock);
		StreamInboundGuard limited = new StreamInboundGuard(this.sandboxes, this.rooms, joins, this.subscriptions,
				new RoomProperties(100, 2), StreamProperties.defaults(), PeerReports.alone(), ThisInstance.single(),
				null);
		for (String code : List.of("ZZZZZZ", "YYYYYY")) {
			assertThatThrownBy(() -> limited.preSend(
					frame(StompCommand.SUBSCRIBE, "s1", "/topic/rooms/" + code + "/events", "203.0.113.9"), CHANNEL))
				.hasMessageContaining("There is no open room");
		}
		assertThatThrownBy(() -> limited.preSend(
				frame(StompCommand.SUBSCRIBE, "s2", RoomDestinations.eventsTopic(this.room), "203.0.113.9"), CHANNEL))
			.as("past the limit, even the right code")
			.isInstanceOf(MessageDeliveryException.class)
			.hasMessageContaining("Too many room codes from your address name no open room")
			.hasMessageContaining("try again in 60 s");
		assertThatThrownBy(() -> joins.requireAllowance("203.0.113.9")).as("joins by page and API share the allowance")
			.hasMessageContaining("Too many room codes");
		Message<byte[]> other = frame(StompCommand.SUBSCRIBE, "s3", RoomDestinations.eventsTopic(this.room),
				"203.0.113.10");
		assertThat(limited.preSend(other, CHANNEL)).as("another client").isSameAs(other);
		clock.advance(Duration.ofMinutes(1));
		Message<byte[]> later = frame(StompCommand.SUBSCRIBE, "s4", RoomDestinations.eventsTopic(this.room),
				"203.0.113.9");
		assertThat(limited.preSend(later, CHANNEL)).as("a minute later").isSameAs(later);
	}

	private static Message<byte[]> frame(StompCommand command, String session, String destination, String client) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId(session);
		headers.setSubscriptionId("sub-0");
		headers.setDestination(destination);
		headers.setSessionAttributes(new HashMap<>(Map.of(ClientAddressHandshake.CLIENT, client)));
		headers.setLeaveMutable(true);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	private static Message<byte[]> frame(StompCommand command, String session, String destination) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId(session);
		headers.setSubscriptionId("sub-0");
		if (destination != null) {
			headers.setDestination(destination);
		}
		headers.setLeaveMutable(true);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
