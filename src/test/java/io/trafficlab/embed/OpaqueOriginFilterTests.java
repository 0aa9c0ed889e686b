package io.trafficlab.embed;

import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a frame with an opaque origin may call: static files from anywhere, its own
 * sandbox with its token, nothing else; pages of our own origin are unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpaqueOriginFilterTests {

	private static final String TOKEN = OpaqueOriginFilter.TOKEN_HEADER;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Autowired
	private EmbedTokens tokens;

	private Sandbox created;

	@AfterEach
	void end() {
		if (this.created != null) {
			this.registry.end(this.created.id());
		}
	}

	@Test
	void staticFilesShouldLoadFromAnyOrigin() {
		MvcTestResult script = this.mvc.get().uri("/css/app.css").header("Origin", "null").exchange();
		assertThat(script).hasStatusOk().headers().hasValue("Access-Control-Allow-Origin", "*");
	}

	@Test
	void opaqueOriginWithItsTokenShouldDriveItsSandbox() {
		Sandbox sandbox = sandbox();
		MvcTestResult pause = pauseFrom("null", sandbox).header(TOKEN, this.tokens.issue(sandbox.id())).exchange();
		assertThat(pause).hasStatus(HttpStatus.NO_CONTENT).headers().hasValue("Access-Control-Allow-Origin", "null");
		assertThat(sandbox.snapshot().paused()).isTrue();
	}

	@Test
	void opaqueOriginWithoutItsTokenShouldBeRefusedAndChangeNothing() {
		Sandbox sandbox = sandbox();
		Sandbox other = this.registry.createFromPreset("empty", 2L);
		try {
			for (String token : new String[] { null, "forged", this.tokens.issue(other.id()) }) {
				var request = pauseFrom("null", sandbox);
				if (token != null) {
					request.header(TOKEN, token);
				}
				MvcTestResult result = request.exchange();
				assertThat(result).as("token " + token).hasStatus(HttpStatus.FORBIDDEN);
				assertThat(result.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();
				assertThat(result).bodyJson().extractingPath("$.errors[0]").asString().contains("embed token");
			}
			assertThat(sandbox.snapshot().paused()).isFalse();
		}
		finally {
			this.registry.end(other.id());
		}
	}

	@Test
	void opaqueOriginShouldNotCreateSandboxesOrCallWhatNamesNone() {
		int live = this.registry.size();
		MvcTestResult create = this.mvc.post().uri("/api/v1/sandboxes").header("Origin", "null").exchange();
		assertThat(create).hasStatus(HttpStatus.FORBIDDEN)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("only call the sandbox it started");
		assertThat(this.registry.size()).isEqualTo(live);
	}

	@Test
	void sandboxParameterShouldBeCheckedLikeThePath() {
		Sandbox sandbox = sandbox();
		String check = "/challenges/one-move-equal-shares/check?sandbox=" + sandbox.id();
		assertThat(this.mvc.get().uri(check).header("Origin", "null").exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get()
			.uri(check)
			.header("Origin", "null")
			.header(TOKEN, this.tokens.issue(sandbox.id()))
			.header("HX-Request", "true")
			.exchange()).hasStatusOk().headers().hasValue("Access-Control-Allow-Origin", "null");
	}

	@Test
	void preflightShouldAllowTheEmbedsHeadersOnly() {
		MvcTestResult allowed = preflightPostWith("content-type, " + TOKEN + ", hx-request");
		assertThat(allowed).hasStatus(HttpStatus.NO_CONTENT).headers().hasValue("Access-Control-Allow-Origin", "null");
		assertThat(allowed.getResponse().getHeader("Access-Control-Allow-Headers")).contains("x-traffic-lab-embed");
		MvcTestResult other = preflightPostWith("authorization");
		assertThat(other).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void pagesOfOurOwnOriginShouldBeUnchanged() {
		Sandbox sandbox = sandbox();
		MvcTestResult pause = pauseFrom("http://localhost", sandbox).exchange();
		assertThat(pause).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(pause.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();
	}

	/** The request to pause the sandbox, from a page of {@code origin}. */
	private MockMvcRequestBuilder pauseFrom(String origin, Sandbox sandbox) {
		return this.mvc.post().uri("/api/v1/sandboxes/{id}/pause", sandbox.id()).header("Origin", origin);
	}

	/** An opaque origin's preflight of a POST that sends {@code headers}. */
	private MvcTestResult preflightPostWith(String headers) {
		return this.mvc.options()
			.uri("/api/v1/sandboxes/any/policy")
			.header("Origin", "null")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", headers)
			.exchange();
	}

	private Sandbox sandbox() {
		this.created = this.registry.createFromPreset("uneven-3-1-0", 1L);
		return this.created;
	}

}
