package io.trafficlab.sandbox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the cap on live sandboxes, the API answers 503 as JSON and every page that starts a
 * sandbox says so.
 */
@SpringBootTest(properties = "trafficlab.sandbox.max-live=2")
@AutoConfigureMockMvc
class SandboxCapacityTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Test
	void createWhenAtTheCapShouldAnswer503WithRetryAfterAndTheLivePageShouldSaySo() {
		while (this.registry.size() < 2) {
			assertThat(this.mvc.post().uri("/api/v1/sandboxes?preset=empty")).hasStatus(HttpStatus.CREATED);
		}
		assertThat(this.mvc.post().uri("/api/v1/sandboxes")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "60")
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.startsWith("This Traffic Lab server is running its limit of 2 live sandboxes (a limit per server).");
		// the live page starts no sandbox itself: its script creates one, and shows the
		// refusal above
		assertThat(this.mvc.get().uri("/live")).hasStatusOk()
			.bodyText()
			.contains("id=\"live-sandbox\"", "data-create=\"/api/v1/sandboxes\"", "data-part=\"start-error\"")
			.contains("<option value=\"uneven-3-1-0\"")
			.contains("href=\"/analyze\"");
		this.registry.live().forEach((sandbox) -> this.registry.end(sandbox.id()));
	}

	@Test
	void lessonAndChallengePagesWhenAtTheCapShouldAnswer503AndSaySo() {
		while (this.registry.size() < 2) {
			this.registry.createFromPreset("empty", 1L);
		}
		assertThat(this.mvc.get().uri("/embed?lesson=uneven-distribution&run=1"))
			.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasHeader(HttpHeaders.RETRY_AFTER, "60")
			.bodyText()
			.contains("This Traffic Lab server is running its limit of 2 live sandboxes (a limit per server).");
		// the step and challenge pages' scripts create their sandboxes here, and show the
		// refusal
		for (String creation : new String[] { "/api/v1/lessons/uneven-distribution/1/sandbox",
				"/api/v1/challenges/one-move-equal-shares/sandbox" }) {
			assertThat(this.mvc.post().uri(creation)).as(creation)
				.hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
				.hasHeader(HttpHeaders.RETRY_AFTER, "60")
				.bodyJson()
				.extractingPath("$.errors[0]")
				.asString()
				.startsWith("This Traffic Lab server is running its limit of 2 live sandboxes (a limit per server).");
		}
		assertThat(this.mvc.get().uri("/lessons/uneven-distribution/1")).hasStatusOk();
		assertThat(this.mvc.get().uri("/challenges/one-move-equal-shares")).hasStatusOk();
		this.registry.live().forEach((sandbox) -> this.registry.end(sandbox.id()));
	}

}
