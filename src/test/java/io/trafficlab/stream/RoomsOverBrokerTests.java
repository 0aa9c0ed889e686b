package io.trafficlab.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.trafficlab.cluster.InstanceId;
import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoomsOverBroker} on instance A: a message of another instance's room
 * from the broker reaches this instance's broker under the room's own destination when a
 * browser here watches it, and nothing else does; when the broker goes, only the browsers
 * watching another instance's room are told.
 */
class RoomsOverBrokerTests {

	private static final RoomCode ROOM_OF_B = new RoomCode("BK7F2Q");

	private static final RoomCode ROOM_OF_A = new RoomCode("AK7F2Q");

	private final List<Message<?>> local = new CopyOnWriteArrayList<>();

	private final List<Message<?>> toBrowsers = new CopyOnWriteArrayList<>();

	private final StreamSubscriptions subscriptions = new StreamSubscriptions();

	private final RoomsOverBroker rooms = new RoomsOverBroker(ThisInstance.named(InstanceId.parse("A")),
			this.subscriptions, new SimpMessagingTemplate(capturing(this.local)), capturing(this.toBrowsers),
			new DefaultListableBeanFactory().getBeanProvider(BrokerLink.class));

	@AfterEach
	void stop() {
		this.rooms.stop();
	}

	@Test
	void aWatchedRoomOfAnotherInstanceShouldReachTheLocalBrokerUnderItsOwnDestination() throws InterruptedException {
		subscribe("s1", RoomDestinations.eventsTopic(ROOM_OF_B));
		this.rooms.handleMessage(fromBroker(RoomDestinations.eventsTopic(ROOM_OF_B), "{\"seq\":7}"));

		Message<?> copy = awaitOne();
		assertThat(SimpMessageHeaderAccessor.getDestination(copy.getHeaders()))
			.isEqualTo(RoomDestinations.eventsTopic(ROOM_OF_B));
		assertThat(new String((byte[]) copy.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"seq\":7}");
		assertThat(copy.getHeaders().get(MessageHeaders.CONTENT_TYPE)).isEqualTo(MimeTypeUtils.APPLICATION_JSON);
	}

	@Test
	void ownRoomsUnwatchedRoomsAndOtherNamesShouldNotBeCopied() throws InterruptedException {
		subscribe("s1", RoomDestinations.eventsTopic(ROOM_OF_A));
		subscribe("s2", RoomDestinations.statsTopic(ROOM_OF_B));
		// this instance's own room comes back from the broker: its browsers had it
		// already
		this.rooms.handleMessage(fromBroker(RoomDestinations.eventsTopic(ROOM_OF_A), "{}"));
		// nobody here watches B's events (only its statistics)
		this.rooms.handleMessage(fromBroker(RoomDestinations.eventsTopic(ROOM_OF_B), "{}"));
		// not a room's topic
		this.rooms.handleMessage(fromBroker("/topic/sandboxes/B-x/events", "{}"));
		this.rooms.handleMessage(fromBroker(RoomDestinations.statsTopic(ROOM_OF_B), "{\"stats\":1}"));

		Message<?> only = awaitOne();
		assertThat(SimpMessageHeaderAccessor.getDestination(only.getHeaders()))
			.isEqualTo(RoomDestinations.statsTopic(ROOM_OF_B));
		Thread.sleep(100);
		assertThat(this.local).hasSize(1);
	}

	@Test
	void whenTheBrokerGoesOnlyWatchersOfAnotherInstancesRoomShouldBeTold() {
		subscribe("watches-b", RoomDestinations.eventsTopic(ROOM_OF_B));
		subscribe("watches-a", RoomDestinations.eventsTopic(ROOM_OF_A));
		subscribe("watches-a-sandbox", "/topic/sandboxes/A-abc/events");

		this.rooms.brokerGone();

		assertThat(this.toBrowsers).singleElement().satisfies((error) -> {
			StompHeaderAccessor accessor = StompHeaderAccessor.wrap(error);
			assertThat(accessor.getCommand()).isEqualTo(StompCommand.ERROR);
			assertThat(accessor.getSessionId()).isEqualTo("watches-b");
			assertThat(accessor.getMessage()).isEqualTo("Connection to broker closed.");
		});
	}

	private Message<?> awaitOne() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.local.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.local).as("copies to the local broker").isNotEmpty();
		return this.local.get(0);
	}

	private void subscribe(String session, String destination) {
		StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
		subscribe.setSessionId(session);
		subscribe.setSubscriptionId("0");
		subscribe.setDestination(destination);
		this.subscriptions.postSend(MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders()), null,
				true);
	}

	/** A MESSAGE frame as the relay's system connection decodes it. */
	private static Message<byte[]> fromBroker(String destination, String json) {
		StompHeaderAccessor frame = StompHeaderAccessor.create(StompCommand.MESSAGE);
		frame.setDestination(RoomsOverBroker.TOPIC);
		frame.setNativeHeader(RoomsOverBroker.DESTINATION, destination);
		frame.setContentType(MimeTypeUtils.APPLICATION_JSON);
		return MessageBuilder.createMessage(json.getBytes(StandardCharsets.UTF_8), frame.getMessageHeaders());
	}

	private static MessageChannel capturing(List<Message<?>> into) {
		return (message, timeout) -> into.add(message);
	}

}
