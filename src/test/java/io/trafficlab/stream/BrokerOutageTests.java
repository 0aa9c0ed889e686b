package io.trafficlab.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

import static io.trafficlab.stream.StompTestClient.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * RabbitMQ goes away and comes back while the application runs
 * ({@code .ci/rabbitmq pause} and {@code resume}): the log says so in one line each way,
 * without stack traces; a watching browser gets an ERROR frame and its connection is
 * closed (the page reconnects); the simulation runs on; and once the broker is back a new
 * connection subscribes and receives batches again. The two ERROR messages asserted here
 * are Spring's, and the ones the page recognises
 * ({@code frontend/src/stream/streamErrors.ts}).
 */
@ExtendWith({ OutputCaptureExtension.class, RabbitMqBroker.Controllable.class })
class BrokerOutageTests extends RabbitMqServer {

	private static RabbitMqBroker broker;

	private final BlockingQueue<String> told = new LinkedBlockingQueue<>();

	@BeforeAll
	static void needsTheRabbitMqThisTestMayStop() {
		broker = RabbitMqBroker.fromSystemProperties();
		if (!broker.controllable()) {
			RabbitMqBroker.missing(RabbitMqBroker.NOT_CONTROLLABLE);
		}
	}

	@Test
	void outageShouldBeLoggedOnceTellTheBrowsersAndEndWithTheStreamFlowingAgain(CapturedOutput output)
			throws Exception {
		awaitBrokerAvailable();
		Sandbox teacher = sandbox("six-replicas-spread");
		RoomCode room = this.rooms.open(teacher.id()).room().code();
		try (StompTestClient client = new StompTestClient(this.port)) {
			StompSession watching = client.connect(telling());
			BlockingQueue<Map<String, Object>> batches = StompTestClient.subscribe(watching,
					RoomDestinations.eventsTopic(room));
			assertThat(batches.poll(10, TimeUnit.SECONDS)).isNotNull();
			int before = output.length();

			broker.pause();
			long simTimeAway = teacher.snapshot().simulation().now();
			assertThat(this.told.poll(10, TimeUnit.SECONDS)).isEqualTo("ERROR frame: Connection to broker closed.");
			awaitDisconnected(watching);
			// A page that reconnects meanwhile is refused with the reason, and tries
			// again
			// later
			this.told.clear();
			assertThatException().isThrownBy(() -> client.connect(telling()));
			assertThat(this.told).contains("ERROR frame: Broker not available.");
			// One of the relay's reconnection attempts (every 5 s) fails meanwhile,
			// silently
			Thread.sleep(6_000);
			assertThat(teacher.snapshot().simulation().now()).as("the simulation's clock").isGreaterThan(simTimeAway);
			broker.resume();
			awaitBrokerAvailable();

			// The relay says it is available just before it tells its listeners
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (!output.toString().substring(before).contains("is back after") && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			String log = output.toString().substring(before);
			String address = broker.host() + ":" + broker.port();
			assertThat(
					log.lines()
						.filter((line) -> line.contains("The message broker at " + address
								+ " is not answering: browsers are told and reconnect; simulations run on")))
				.hasSize(1);
			assertThat(log).containsPattern("The message broker at " + Pattern.quote(address)
					+ " is back after \\d+ s: browsers reconnect and the stream flows again");
			assertThat(log).doesNotContain("\tat ", "Exception", "TCP connection failure", "null");

			StompSession again = client.connect(telling());
			BlockingQueue<Map<String, Object>> resumed = StompTestClient.subscribe(again,
					RoomDestinations.eventsTopic(room));
			Map<String, Object> batch = resumed.poll(10, TimeUnit.SECONDS);
			assertThat(batch).as("a batch after the broker returned").isNotNull();
			assertThat(number(batch, "simTime")).isGreaterThan(simTimeAway);
		}
		finally {
			if (!this.relay.isBrokerAvailable()) {
				broker.resume();
			}
		}
	}

	private static void awaitDisconnected(StompSession session) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (session.isConnected() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(session.isConnected()).as("the browser's connection is closed").isFalse();
	}

	private StompSessionHandlerAdapter telling() {
		return new StompSessionHandlerAdapter() {

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				BrokerOutageTests.this.told.add("ERROR frame: " + headers.getFirst("message"));
			}

			@Override
			public void handleTransportError(StompSession session, Throwable exception) {
				BrokerOutageTests.this.told.add("transport: " + exception);
			}

			@Override
			public void handleException(StompSession session, StompCommand command, StompHeaders headers,
					byte[] payload, Throwable exception) {
				BrokerOutageTests.this.told.add("exception: " + exception);
			}

		};
	}

}
