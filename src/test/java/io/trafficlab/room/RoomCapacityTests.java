package io.trafficlab.room;

import io.trafficlab.sandbox.SandboxRegistry;
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
 * At the cap on open rooms ({@code trafficlab.rooms.max}), opening one more answers 503
 * as JSON, and a room that ends frees its place.
 */
@SpringBootTest(properties = "trafficlab.rooms.max=1")
@AutoConfigureMockMvc
class RoomCapacityTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry sandboxes;

	@Test
	void openWhenAtTheCapShouldAnswer503WithRetryAfterUntilARoomEnds() {
		String first = this.sandboxes.createFromPreset(null, 1L).id();
		String second = this.sandboxes.createFromPreset(null, 2L).id();
		assertThat(this.mvc.post().uri("/api/v1/rooms?sandbox=" + first)).hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.post().uri("/api/v1/rooms?sandbox=" + second)).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "60")
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.isEqualTo("This Traffic Lab server has its limit of 1 open classroom rooms (a limit per server). Try "
					+ "again in a few minutes: a room ends when its teacher's sandbox ends.");
		this.sandboxes.end(first);
		assertThat(this.mvc.post().uri("/api/v1/rooms?sandbox=" + second)).hasStatus(HttpStatus.CREATED);
	}

}
