package io.trafficlab.stream;

import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InstanceController}: what a load balancer's health check asks.
 */
@SpringBootTest(properties = "trafficlab.instance.id=c")
@AutoConfigureMockMvc
class InstanceControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry sandboxes;

	@Test
	void shouldNameTheInstanceAndCountWhatItHolds() {
		int before = this.sandboxes.size();
		Sandbox sandbox = this.sandboxes.createFromPreset(null, 1L);
		try {
			assertThat(sandbox.id()).startsWith("C-");
			assertThat(this.mvc.get().uri("/api/v1/instance")).hasStatusOk()
				.bodyJson()
				.isLenientlyEqualTo("{\"instance\":\"C\",\"sandboxes\":" + (before + 1) + ",\"rooms\":0,\"peers\":[]}");
		}
		finally {
			this.sandboxes.end(sandbox.id());
		}
	}

	@Test
	void theJoinFormShouldSendACodeOfAnotherInstanceToItsPageForTheBalancerToRoute() {
		assertThat(this.mvc.get().uri("/rooms?code=ak7-f2q")).hasStatus3xxRedirection()
			.hasHeader("Location", "/rooms/AK7-F2Q");
		assertThat(this.mvc.get().uri("/rooms?code=CK7-F2Q")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
