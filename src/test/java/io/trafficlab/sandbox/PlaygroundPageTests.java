package io.trafficlab.sandbox;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground's page starts no sandbox: a crawler or a script that only reads it
 * leaves the registry as it was; the page tells its script where to create one, with the
 * start it was opened with.
 */
@SpringBootTest(properties = "trafficlab.sandbox.max-live=1")
@AutoConfigureMockMvc
class PlaygroundPageTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Test
	void playgroundPageShouldCreateNoSandboxAndTellItsScriptHowToCreateOne() {
		int before = this.registry.size();
		for (int i = 0; i < 5; i++) {
			assertThat(this.mvc.get().uri("/?preset=uneven-3-1-0")).hasStatus(HttpStatus.OK)
				.bodyText()
				.contains("id=\"playground\"")
				.contains("data-create=\"/api/v1/sandboxes?preset=uneven-3-1-0\"")
				.contains("hx-post=\"/api/v1/sandboxes/pending/resume\"")
				.doesNotContain("data-sandbox-id");
		}
		assertThat(this.mvc.get().uri("/")).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("data-create=\"/api/v1/sandboxes\"");
		assertThat(this.registry.size()).isEqualTo(before);
	}

	@Test
	void playgroundPageAtTheCapShouldStillRenderAndLeaveTheRefusalToTheApi() {
		while (this.registry.size() < 1) {
			this.registry.createFromPreset("empty", 1L);
		}
		assertThat(this.mvc.get().uri("/")).hasStatus(HttpStatus.OK).bodyText().contains("id=\"playground\"");
		assertThat(this.mvc.post().uri("/api/v1/sandboxes")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
		this.registry.live().forEach((sandbox) -> this.registry.end(sandbox.id()));
	}

	@Test
	void sharedLinkShouldBeCheckedOnThePageAndCreatedByTheScript() {
		String link = PermalinkCodec.encode(new SharedState(
				this.registry.createFromPreset("uneven-3-1-0", 1L).manifests(), null, 1, LoadBalancerModel.EVEN, 5, 1));
		this.registry.live().forEach((sandbox) -> this.registry.end(sandbox.id()));
		assertThat(this.mvc.get().uri("/?s=" + link)).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("Shared sandbox")
			.contains("data-create=\"/api/v1/sandboxes?s=" + link + "\"")
			// the script keeps naming it so (not "the manifests you applied") until the
			// learner applies their own
			.contains("data-start-title=\"Shared sandbox\"");
		assertThat(this.mvc.get().uri("/?preset=uneven-3-1-0")).hasStatus(HttpStatus.OK)
			.bodyText()
			.doesNotContain("data-start-title");
		assertThat(this.registry.size()).isZero();
	}

	@Test
	void embedStartCardShouldNameTheLoadBalancerTheSandboxWillRun() {
		String manifests = this.registry.createFromPreset("uneven-3-1-0", 1L).manifests();
		this.registry.live().forEach((sandbox) -> this.registry.end(sandbox.id()));
		String link = PermalinkCodec.encode(new SharedState(manifests, null, 1, LoadBalancerModel.EVEN, 5, 1,
				LoadBalancerKind.METALLB_L2, null, null));
		assertThat(this.mvc.get().uri("/embed?s=" + link)).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("with " + LoadBalancerKind.METALLB_L2.label() + " in front")
			.doesNotContain("AWS NLB");
		assertThat(this.mvc.get().uri("/embed?preset=uneven-3-1-0")).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("with " + LoadBalancerKind.AWS_NLB_INSTANCE.label() + " in front");
		assertThat(this.registry.size()).isZero();
	}

	@Test
	void unknownPresetShouldBeA400OnThePage() {
		assertThat(this.mvc.get().uri("/?preset=nope")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("must be one of:")
			.doesNotContain("id=\"playground\"");
	}

}
