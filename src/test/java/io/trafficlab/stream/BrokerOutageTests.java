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
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.SandboxRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.ConfigurableApplicationContext;

import static io.trafficlab.stream.StompTestClient.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RabbitMQ goes away and comes back while two instances run ({@code .ci/rabbitmq pause}
 * and {@code resume}): this test's application, A, and B, started beside it. A student on
 * A watches B's room, which reaches A only through the broker; another watches A's own
 * room. During the outage the first is told with an ERROR frame and its connection closed
 * (the page reconnects), and B's room is refused until the broker is back, while A's own
 * room flows on; each instance logs one line when the broker goes and one when it is
 * back, without stack traces; the simulations run on; and once the broker is back the
 * student subscribes to B's room again and receives batches. The two ERROR messages
 * asserted here are the ones the page recognises
 * ({@code frontend/src/stream/streamErrors.ts}).
 */
@ExtendWith({ OutputCaptureExtension.class, RabbitMqBroker.Controllable.class })
@TestPropertySource(properties = "trafficlab.instance.id=A")
class BrokerOutageTests extends RabbitMqServer {

	private static RabbitMqBroker broker;

	private static @Nullable ConfigurableApplicationContext instanceB;

	private final BlockingQueue<String> told = new LinkedBlockingQueue<>();

	@Autowired
	private PeerReports peers;

	@BeforeAll
	static void needsTheRabbitMqThisTestMayStopAndASecondInstance() {
		broker = RabbitMqBroker.fromSystemProperties();
		if (!broker.controllable()) {
			RabbitMqBroker.missing(RabbitMqBroker.NOT_CONTROLLABLE);
		}
		instanceB = broker.startInstance("B");
	}

	@AfterAll
	static void stopB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void outageShouldBeLoggedOnceTellTheStudentsOfOtherServersRoomsAndEndWithTheStreamFlowingAgain(
			CapturedOutput output) throws Exception {
		awaitBrokerAvailable();
		Sandbox teacherOnB = instanceB.getBean(SandboxRegistry.class).createFromPreset("six-replicas-spread", 1L);
		RoomCode roomOfB = instanceB.getBean(RoomRegistry.class).open(teacherOnB.id()).room().code();
		RoomCode roomOfA = this.rooms.open(sandbox("six-replicas-spread").id()).room().code();
		awaitOpenOnB(roomOfB);
		try (StompTestClient client = new StompTestClient(this.port)) {
			StompSession student = client.connect(telling());
			BlockingQueue<Map<String, Object>> fromB = StompTestClient.subscribe(student,
					RoomDestinations.eventsTopic(roomOfB));
			assertThat(fromB.poll(10, TimeUnit.SECONDS)).as("a batch of B's room, through the broker").isNotNull();
			StompSession ownRoom = client.connect();
			BlockingQueue<Map<String, Object>> fromA = StompTestClient.subscribe(ownRoom,
					RoomDestinations.eventsTopic(roomOfA));
			assertThat(fromA.poll(10, TimeUnit.SECONDS)).isNotNull();
			int before = output.length();

			broker.pause();
			long simTimeAway = teacherOnB.snapshot().simulation().now();
			assertThat(this.told.poll(10, TimeUnit.SECONDS)).isEqualTo("ERROR frame: Connection to broker closed.");
			awaitDisconnected(student);
			// A's own room does not need the broker
			fromA.clear();
			assertThat(fromA.poll(5, TimeUnit.SECONDS)).as("a batch of A's own room during the outage").isNotNull();
			assertThat(ownRoom.isConnected()).isTrue();
			// A page that reconnects meanwhile is refused B's room with the reason, and
			// tries again later
			this.told.clear();
			StompSession meanwhile = client.connect(telling());
			meanwhile.subscribe(RoomDestinations.eventsTopic(roomOfB), StompTestClient.jsonObjects((h, p) -> {
			}));
			assertThat(this.told.poll(10, TimeUnit.SECONDS)).isEqualTo("ERROR frame: Broker not available.");
			// One of the relay's reconnection attempts (every 5 s) fails meanwhile,
			// silently
			Thread.sleep(6_000);
			assertThat(teacherOnB.snapshot().simulation().now()).as("B's simulation clock").isGreaterThan(simTimeAway);
			broker.resume();
			awaitBrokerAvailable();
			awaitOpenOnB(roomOfB);

			// The relay says it is available just before it tells its listeners
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (output.toString().substring(before).split("is back after", -1).length < 3
					&& System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			String log = output.toString().substring(before);
			String address = broker.host() + ":" + broker.port();
			assertThat(log.lines()
				.filter((line) -> line.contains("The message broker at " + address + " is not answering: students of "
						+ "other servers' rooms are told and reconnect; simulations run on")))
				.as("one line from each instance")
				.hasSize(2);
			assertThat(log).containsPattern("The message broker at " + Pattern.quote(address)
					+ " is back after \\d+ s: other servers' rooms flow again");
			assertThat(log).doesNotContain("\tat ", "Exception", "TCP connection failure", "null");

			StompSession again = client.connect(telling());
			BlockingQueue<Map<String, Object>> resumed = StompTestClient.subscribe(again,
					RoomDestinations.eventsTopic(roomOfB));
			Map<String, Object> batch = resumed.poll(10, TimeUnit.SECONDS);
			assertThat(batch).as("a batch of B's room after the broker returned").isNotNull();
			assertThat(number(batch, "simTime")).isGreaterThan(simTimeAway);
		}
		finally {
			if (!this.relay.isBrokerAvailable()) {
				broker.resume();
			}
			instanceB.getBean(SandboxRegistry.class).end(teacherOnB.id());
		}
	}

	/** B's reports reach A once a second, and stop while the broker is away. */
	private void awaitOpenOnB(RoomCode room) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!this.peers.openElsewhere(room) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.peers.openElsewhere(room)).as("A hears that B's room is open").isTrue();
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
