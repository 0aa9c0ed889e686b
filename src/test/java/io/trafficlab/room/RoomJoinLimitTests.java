package io.trafficlab.room;

import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.trafficlab.ClientLimits.assertTooManyRequests;
import static io.trafficlab.ClientLimits.from;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room codes cannot be guessed quickly: once a client has tried {@code join-burst} codes
 * that name no open room, every join from it answers 429 with {@code Retry-After}, on the
 * pages and the API; right codes do not count, and other clients are not affected.
 */
@SpringBootTest(properties = { "trafficlab.sandbox.creation-burst=2", "trafficlab.sandbox.creations-per-minute=1",
		"trafficlab.rooms.join-burst=2", "trafficlab.rooms.join-misses-per-minute=1" })
@AutoConfigureMockMvc
class RoomJoinLimitTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry sandboxes;

	@Autowired
	private RoomRegistry rooms;

	@Test
	void joinWhenTheClientHasTriedTooManyWrongCodesShouldAnswer429WithRetryAfter() {
		RoomCode open = this.rooms.open(this.sandboxes.createFromPreset("empty", 1L).id()).room().code();
		RequestPostProcessor guesser = from("192.0.2.10");
		for (int i = 0; i < 5; i++) {
			assertThat(this.mvc.get().uri("/api/v1/rooms/" + open.value()).with(guesser)).as("right codes do not count")
				.hasStatus(HttpStatus.OK);
		}
		assertThat(this.mvc.get().uri("/rooms?code=" + wrong(open, 1)).with(guesser)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/rooms/" + wrong(open, 2)).with(guesser)).hasStatus(HttpStatus.NOT_FOUND);
		assertTooManyRequests(assertThat(this.mvc.get().uri("/api/v1/rooms/" + open.value()).with(guesser))).bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.startsWith("Too many room codes from your address name no open room.");
		for (String page : new String[] { "/rooms?code=" + open.value(), "/rooms/" + open.value(),
				"/rooms/" + open.value() + "/projector", "/rooms/" + open.value() + "/fork" }) {
			assertTooManyRequests(assertThat(this.mvc.get().uri(page).with(guesser)).as(page)).bodyText()
				.contains("Too many room codes from your address");
		}
		assertThat(this.mvc.get().uri("/rooms/" + open.value()).with(from("192.0.2.11"))).as("another client")
			.hasStatus(HttpStatus.OK);
	}

	private static String wrong(RoomCode open, int offset) {
		String value = open.value();
		String others = RoomCode.ALPHABET.replace(value.substring(value.length() - 1), "");
		return value.substring(0, value.length() - 1) + others.charAt(offset);
	}

}
