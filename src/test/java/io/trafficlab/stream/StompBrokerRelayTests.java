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
 * small STOMP broker the test runs: the application makes one connection, its own, with
 * the configured login and virtual host, and subscribes there to the instances' reports
 * and the rooms' messages; a student's subscription never reaches the broker (the
 * instance's in-memory broker serves it); a room's batches go to the broker once, on the
 * rooms' topic with the room's destination in a header, never with the teacher's sandbox
 * id; and the student receives them under the room's own topic.
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
	void relayShouldConnectOnceWithTheSettingsAndSendARoomsBatchesToTheBrokerOnce() throws Exception {
		assertThat(this.relay.getRelayHost()).isEqualTo("127.0.0.1");
		assertThat(this.relay.getRelayPort()).isEqualTo(BROKER.port());
		SmallStompBroker.Frame system = awaitFrame((frame) -> frame.command().equals("CONNECT"));
		assertThat(system.headers()).containsEntry("login", "traffic-lab")
			.containsEntry("passcode", "s3cret")
			.containsEntry("host", "classes");
		awaitFrame((frame) -> frame.command().equals("SUBSCRIBE")
				&& RoomsOverBroker.TOPIC.equals(frame.header("destination")));
		awaitFrame((frame) -> frame.command().equals("SUBSCRIBE")
				&& InstanceReport.TOPIC.equals(frame.header("destination")));

		Sandbox teacher = sandbox("six-replicas-spread");
		RoomCode room = this.rooms.open(teacher.id()).room().code();
		StompTestClient client = new StompTestClient(this.port);
		try {
			StompSession student = client.connect();
			BlockingQueue<Delivered> delivered = new LinkedBlockingQueue<>();
			student.subscribe(RoomDestinations.eventsTopic(room), StompTestClient
				.jsonObjects((headers, batch) -> delivered.add(new Delivered(headers.getDestination(), batch))));
			Delivered first = delivered.poll(10, TimeUnit.SECONDS);
			assertThat(first).isNotNull();
			assertThat(first.destination()).isEqualTo(RoomDestinations.eventsTopic(room));
			assertThat(first.batch()).containsKeys("seq", "generation", "simTime", "events");

			SmallStompBroker.Frame send = awaitFrame((frame) -> frame.command().equals("SEND")
					&& RoomDestinations.eventsTopic(room).equals(frame.header(RoomsOverBroker.DESTINATION)));
			assertThat(send.header("destination")).isEqualTo(RoomsOverBroker.TOPIC);
			assertThat(send.body()).contains("\"seq\":");
			assertThat(BROKER.received()).filteredOn((frame) -> frame.command().equals("CONNECT"))
				.as("the application's own connection, and none for the student")
				.hasSize(1);
			assertThat(BROKER.received()).noneMatch((frame) -> frame.command().equals("SUBSCRIBE")
					&& String.valueOf(frame.header("destination")).contains(room.value()));
			assertThat(BROKER.received()).noneMatch((frame) -> frame.toString().contains(teacher.id()));
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
