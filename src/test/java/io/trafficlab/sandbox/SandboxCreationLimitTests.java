package io.trafficlab.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.trafficlab.ClientLimits.assertTooManyRequests;
import static io.trafficlab.ClientLimits.from;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client (one remote address) may create only {@code creation-burst} sandboxes at
 * once, then {@code creations-per-minute}: the API and every page that starts a sandbox
 * answer 429 with {@code Retry-After}, and other clients are not affected.
 */
@SpringBootTest(properties = { "trafficlab.sandbox.creation-burst=2", "trafficlab.sandbox.creations-per-minute=1",
		"trafficlab.rooms.join-burst=2", "trafficlab.rooms.join-misses-per-minute=1" })
@AutoConfigureMockMvc
class SandboxCreationLimitTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void createWhenTheClientsBurstIsSpentShouldAnswer429WithRetryAfterAndSayWhy() {
		RequestPostProcessor client = from("198.51.100.1");
		assertThat(this.mvc.post().uri("/api/v1/sandboxes?preset=empty").with(client)).hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.post().uri("/api/v1/sandboxes?preset=uneven-3-1-0").with(client))
			.hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.get().uri("/").with(client)).as("the playground page creates nothing")
			.hasStatus(HttpStatus.OK);
		assertTooManyRequests(assertThat(this.mvc.post().uri("/api/v1/sandboxes?preset=empty").with(client)))
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.matches("Too many new sandboxes from your address: at most 2 at once, then 1 a minute\\. "
					+ "Try again in [0-9]+ s, or keep using the sandboxes you have\\.");
		assertThat(this.mvc.post().uri("/api/v1/sandboxes?preset=empty").with(from("198.51.100.2")))
			.as("another client")
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void pagesThatStartASandboxWhenTheClientsBurstIsSpentShouldAnswer429WithRetryAfter() {
		RequestPostProcessor client = from("198.51.100.3");
		// pages start nothing when served; their scripts create the sandboxes through
		// these
		for (String page : new String[] { "/live", "/lessons/uneven-distribution/1",
				"/challenges/one-move-equal-shares" }) {
			assertThat(this.mvc.get().uri(page).with(client)).as(page).hasStatus(HttpStatus.OK);
		}
		assertThat(this.mvc.post().uri("/api/v1/lessons/uneven-distribution/1/sandbox").with(client))
			.hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.post().uri("/api/v1/challenges/one-move-equal-shares/sandbox").with(client))
			.hasStatus(HttpStatus.CREATED);
		for (String creation : new String[] { "/api/v1/sandboxes", "/api/v1/lessons/uneven-distribution/1/sandbox",
				"/api/v1/challenges/one-move-equal-shares/sandbox" }) {
			assertTooManyRequests(assertThat(this.mvc.post().uri(creation).with(client)).as(creation)).bodyJson()
				.extractingPath("$.errors[0]")
				.asString()
				.contains("Too many new sandboxes from your address");
		}
		assertThat(this.mvc.get().uri("/embed?lesson=uneven-distribution&run=1").with(client))
			.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.bodyText()
			.contains("Too many new sandboxes from your address");
	}

}
