package io.trafficlab.stream;

import java.io.IOException;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.SandboxDestinations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-connection caps over a real stream, as a script would meet them: a connection
 * past {@code trafficlab.stream.max-subscriptions} (8) or taking a second seat of one
 * room ({@code trafficlab.stream.max-room-seats}, 1) gets an ERROR frame naming the
 * limit, while another connection still takes its own seat.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConnectionCapStreamTests extends RunningServer {

	private static final int MAX_SUBSCRIPTIONS = 8;

	@Test
	void subscribePastTheCapShouldAnswerAnErrorNamingTheLimit() throws Exception {
		String events = SandboxDestinations.eventsTopic(sandbox(null).id());
		try (RawStreamClient script = RawStreamClient.connect(this.port)) {
			for (int i = 0; i < MAX_SUBSCRIPTIONS; i++) {
				script.subscribe(String.valueOf(i), events);
				assertThat(next(script, "MESSAGE", "subscription:" + i)).contains("\"seq\":");
			}
			script.subscribe(String.valueOf(MAX_SUBSCRIPTIONS), events);
			assertThat(next(script, "ERROR", "")).contains("already subscribes to " + MAX_SUBSCRIPTIONS + " topics")
				.contains("trafficlab.stream.max-subscriptions");
		}
	}

	@Test
	void aSecondSeatFromOneConnectionShouldBeRefusedWhileAnotherConnectionTakesOne() throws Exception {
		RoomCode room = this.rooms.open(sandbox(null).id()).room().code();
		String events = RoomDestinations.eventsTopic(room);
		try (RawStreamClient script = RawStreamClient.connect(this.port);
				RawStreamClient student = RawStreamClient.connect(this.port)) {
			script.subscribe("0", events);
			assertThat(next(script, "MESSAGE", "subscription:0")).contains("\"seq\":");
			script.subscribe("1", events);
			assertThat(next(script, "ERROR", "")).contains("already takes 1 seat(s) of room " + room.display())
				.contains("trafficlab.stream.max-room-seats");
			student.subscribe("0", events);
			assertThat(next(student, "MESSAGE", "subscription:0")).contains("\"seq\":");
		}
	}

	/** The next frame of a command that contains a header line, skipping others. */
	private static String next(RawStreamClient client, String command, String header) throws IOException {
		for (int i = 0; i < 1_000; i++) {
			String frame = client.receive();
			if (frame.startsWith(command + "\n") && frame.contains("\n" + header)) {
				return frame;
			}
		}
		throw new AssertionError("No " + command + " frame with " + header + " among 1,000 frames");
	}

}
