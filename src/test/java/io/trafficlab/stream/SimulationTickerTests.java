package io.trafficlab.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.room.TestRooms;
import io.trafficlab.sandbox.EventBatch;
import io.trafficlab.sandbox.MutableClock;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxCreated;
import io.trafficlab.sandbox.SandboxDestinations;
import io.trafficlab.sandbox.SandboxProperties;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.sandbox.TestSandboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SimulationTicker}: it runs only while there are sandboxes, publishes
 * only for watched ones (directly or through a classroom room, once per room topic),
 * keeps unwatched clocks running, and keeps watched sandboxes alive.
 */
class SimulationTickerTests {

	private static final MessageChannel CHANNEL = (message, timeout) -> true;

	private final List<Message<?>> sent = new CopyOnWriteArrayList<>();

	private final StreamSubscriptions subscriptions = new StreamSubscriptions();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));

	private final SandboxRegistry registry = TestSandboxes.registry(this.clock, (event) -> {
	});

	private final RoomRegistry rooms = TestRooms.registry(this.registry);

	private final SimulationTicker ticker = new SimulationTicker(this.registry, this.rooms, this.subscriptions,
			new StreamPublisher(new SimpMessagingTemplate((message, timeout) -> this.sent.add(message))),
			SandboxProperties.defaults());

	@AfterEach
	void stop() {
		this.ticker.stop();
		this.ticker.destroy();
	}

	@Test
	void tickerShouldRunOnlyWhileThereAreSandboxes() {
		this.ticker.start();
		assertThat(this.ticker.isTicking()).isFalse();
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		this.ticker.sandboxCreated(new SandboxCreated(sandbox.id()));
		assertThat(this.ticker.isTicking()).isTrue();
		this.registry.end(sandbox.id());
		await(() -> !this.ticker.isTicking());
		assertThat(this.ticker.isTicking()).isFalse();
	}

	@Test
	void tickerShouldPublishBatchesOnlyForWatchedSandboxesAndKeepEveryClockRunning() {
		Sandbox watched = this.registry.createFromPreset(null, 1L);
		Sandbox unwatched = this.registry.createFromPreset(null, 2L);
		this.subscriptions.postSend(subscribe("s1", "sub-1", SandboxDestinations.eventsTopic(watched.id())), CHANNEL,
				true);
		this.ticker.start();
		this.ticker.sandboxCreated(new SandboxCreated(watched.id()));
		await(() -> this.sent.size() >= 5);
		assertThat(this.sent)
			.allSatisfy((message) -> assertThat(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
				.isEqualTo(SandboxDestinations.eventsTopic(watched.id())));
		await(() -> unwatched.snapshot().simulation().now() > 0);
		assertThat(unwatched.snapshot().seq()).isZero();
		this.subscriptions.postSend(disconnect("s1"), CHANNEL, true);
		assertThat(this.subscriptions.watches(StreamDestination.sandbox(watched.id(), StreamDestination.Kind.EVENTS)))
			.isFalse();
	}

	@Test
	void tickerWhenOnlyARoomIsWatchedShouldPublishEachBatchOnceToTheRoomTopicAndNeverToTheSandboxTopic() {
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		RoomCode room = this.rooms.open(sandbox.id()).room().code();
		for (String student : List.of("s1", "s2", "s3")) {
			this.subscriptions.postSend(subscribe(student, "sub-1", RoomDestinations.eventsTopic(room)), CHANNEL, true);
		}
		this.ticker.start();
		this.ticker.sandboxCreated(new SandboxCreated(sandbox.id()));
		await(() -> this.sent.size() >= 10);
		List<Message<?>> sent = List.copyOf(this.sent);
		assertThat(sent)
			.allSatisfy((message) -> assertThat(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
				.isEqualTo(RoomDestinations.eventsTopic(room)));
		// One message per batch however many students watch: the broker copies it to each
		List<Long> seqs = sent.stream().map((message) -> ((EventBatch) message.getPayload()).seq()).toList();
		assertThat(seqs).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void tickerWhenStudentsWatchARoomShouldKeepItsSandboxAliveWhileAnUnwatchedOneEnds() {
		Sandbox teacher = this.registry.createFromPreset(null, 1L);
		Sandbox forgotten = this.registry.createFromPreset(null, 2L);
		RoomCode room = this.rooms.open(teacher.id()).room().code();
		this.subscriptions.postSend(subscribe("s1", "sub-1", RoomDestinations.statsTopic(room)), CHANNEL, true);
		this.ticker.start();
		this.ticker.sandboxCreated(new SandboxCreated(teacher.id()));
		for (int step = 0; step < 2; step++) {
			int before = this.sent.size();
			await(() -> this.sent.size() > before + 2);
			this.clock.advance(Duration.ofMinutes(20));
		}
		// The sweep sandbox.IdleSandboxReaper runs once a second
		this.registry.endIdle();
		assertThat(this.registry.find(forgotten.id())).isEmpty();
		assertThat(this.registry.find(teacher.id())).isPresent();
	}

	private static Message<byte[]> subscribe(String session, String subscription, String destination) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
		headers.setSessionId(session);
		headers.setSubscriptionId(subscription);
		headers.setDestination(destination);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	private static Message<byte[]> disconnect(String session) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.DISCONNECT);
		headers.setSessionId(session);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

	private static void await(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
