package io.trafficlab.stream;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch to an external STOMP broker ({@code trafficlab.stream.relay.*}), against a
 * small STOMP broker the test runs (RabbitMQ is not on the project's machines): the
 * application connects with the configured login and virtual host, and a student's room
 * subscription and the teacher sandbox's batches go through the broker, under the
 * one-segment names RabbitMQ's STOMP plugin accepts, and reach the student under the
 * room's own topic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "trafficlab.stream.relay.enabled=true", "trafficlab.stream.relay.login=traffic-lab",
				"trafficlab.stream.relay.passcode=s3cret", "trafficlab.stream.relay.virtual-host=classes" })
class StompBrokerRelayTests extends RunningServer {

	private static final SmallStompBroker BROKER = SmallStompBroker.start();

	@Autowired
	private StompBrokerRelayMessageHandler relay;

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		registry.add("trafficlab.stream.relay.host", () -> "127.0.0.1");
		registry.add("trafficlab.stream.relay.port", BROKER::port);
	}

	@AfterAll
	static void stopBroker() throws IOException {
		BROKER.close();
	}

	@Test
	void relayShouldLogInWithTheSettingsAndCarryARoomsBatchesThroughTheBroker() throws Exception {
		assertThat(this.relay.getRelayHost()).isEqualTo("127.0.0.1");
		assertThat(this.relay.getRelayPort()).isEqualTo(BROKER.port());
		SmallStompBroker.Frame system = awaitFrame((frame) -> frame.command().equals("CONNECT"));
		assertThat(system.headers()).containsEntry("login", "traffic-lab")
			.containsEntry("passcode", "s3cret")
			.containsEntry("host", "classes");

		Sandbox teacher = sandbox("six-replicas-spread");
		RoomCode room = this.rooms.open(teacher.id()).room().code();
		String brokerName = "/topic/rooms." + room.value() + ".events";
		StompTestClient client = new StompTestClient(this.port);
		try {
			StompSession student = client.connect();
			BlockingQueue<Delivered> delivered = new LinkedBlockingQueue<>();
			student.subscribe(RoomDestinations.eventsTopic(room), StompTestClient
				.jsonObjects((headers, batch) -> delivered.add(new Delivered(headers.getDestination(), batch))));
			SmallStompBroker.Frame subscribe = awaitFrame((frame) -> frame.command().equals("SUBSCRIBE"));
			assertThat(subscribe.header("destination")).isEqualTo(brokerName);
			SmallStompBroker.Frame send = awaitFrame((frame) -> frame.command().equals("SEND"));
			assertThat(send.header("destination")).isEqualTo(brokerName);
			assertThat(send.body()).contains("\"seq\":");

			Delivered first = delivered.poll(10, TimeUnit.SECONDS);
			assertThat(first).isNotNull();
			assertThat(first.destination()).isEqualTo(RoomDestinations.eventsTopic(room));
			assertThat(first.batch()).containsKeys("seq", "generation", "simTime", "events");
			assertThat(BROKER.received())
				.noneMatch((frame) -> String.valueOf(frame.header("destination")).contains(teacher.id()));
		}
		finally {
			client.close();
		}
	}

	private static SmallStompBroker.Frame awaitFrame(Predicate<SmallStompBroker.Frame> wanted)
			throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			for (SmallStompBroker.Frame frame : BROKER.received()) {
				if (wanted.test(frame)) {
					return frame;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The broker received no such frame; it received " + BROKER.received());
	}

	private record Delivered(String destination, Map<String, Object> batch) {

	}

}
