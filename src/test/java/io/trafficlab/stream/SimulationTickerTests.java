package io.trafficlab.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
 * Tests for {@link SimulationTicker}: it runs only while there are sandboxes, publishes only for watched ones, and
 * keeps unwatched clocks running.
 */
class SimulationTickerTests {

	private static final MessageChannel CHANNEL = (message, timeout) -> true;

	private final List<Message<?>> sent = new CopyOnWriteArrayList<>();

	private final StreamSubscriptions subscriptions = new StreamSubscriptions();

	private final SandboxRegistry registry = TestSandboxes.registry();

	private final SimulationTicker ticker = new SimulationTicker(this.registry, this.subscriptions,
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
		this.subscriptions.postSend(subscribe("s1", "sub-1", SandboxDestinations.eventsTopic(watched.id())),
				CHANNEL, true);
		this.ticker.start();
		this.ticker.sandboxCreated(new SandboxCreated(watched.id()));
		await(() -> this.sent.size() >= 5);
		assertThat(this.sent).allSatisfy((message) -> assertThat(SimpMessageHeaderAccessor.getDestination(
				message.getHeaders())).isEqualTo(SandboxDestinations.eventsTopic(watched.id())));
		await(() -> unwatched.snapshot().simulation().now() > 0);
		assertThat(unwatched.snapshot().seq()).isZero();
		this.subscriptions.postSend(disconnect("s1"), CHANNEL, true);
		assertThat(this.subscriptions.watchesEvents(watched.id())).isFalse();
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
