package io.trafficlab.stream;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.trafficlab.embed.EmbedTokens;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxDestinations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.web.socket.WebSocketHttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stream from a frame with an opaque origin ({@code Origin: null}): it opens only
 * with a sandbox's embed token, and then carries that sandbox and nothing else; pages of
 * another site still cannot open it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbedStreamTests extends RunningServer {

	@Autowired
	private EmbedTokens tokens;

	@Test
	void opaqueOriginWithItsSandboxsTokenShouldStreamThatSandbox() throws Exception {
		Sandbox sandbox = sandbox("uneven-3-1-0");
		StompSession session = connect(origin("null"), sandbox.id(), this.tokens.issue(sandbox.id()));
		BlockingQueue<Map<String, Object>> batches = StompTestClient.subscribe(session,
				SandboxDestinations.eventsTopic(sandbox.id()));
		assertThat(batches.poll(10, TimeUnit.SECONDS)).isNotNull().containsKeys("seq", "events");
	}

	@Test
	void opaqueOriginWithoutAValidTokenShouldNotConnect() {
		Sandbox sandbox = sandbox("uneven-3-1-0");
		Sandbox other = sandbox("empty");
		for (String token : new String[] { "", "not-a-token", this.tokens.issue(other.id()) }) {
			assertThatExceptionOfType(ExecutionException.class).as("token \"" + token + "\"")
				.isThrownBy(() -> connect(origin("null"), sandbox.id(), token))
				.withMessageContaining("403");
		}
	}

	@Test
	void embedConnectionShouldBeRefusedAnotherSandboxsTopic() throws Exception {
		Sandbox sandbox = sandbox("uneven-3-1-0");
		Sandbox other = sandbox("empty");
		StompSession session = connect(origin("null"), sandbox.id(), this.tokens.issue(sandbox.id()));
		StompTestClient.subscribe(session, SandboxDestinations.eventsTopic(other.id()));
		String error = this.errors.poll(10, TimeUnit.SECONDS);
		assertThat(error).contains("may subscribe only to that sandbox's own destinations");
	}

	@Test
	void anotherSitesPageShouldStillNotConnectEvenWithAToken() {
		Sandbox sandbox = sandbox("uneven-3-1-0");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> connect(origin("https://evil.example"), sandbox.id(), this.tokens.issue(sandbox.id())))
			.withMessageContaining("403");
	}

	@Test
	void ownPageNamingAKeyForALoadBalancerShouldNotBeBoundToIt() throws Exception {
		// pages put the sandbox or room in the URL only for a load balancer to route on
		// (frontend/src/stream/streamUrl.ts); without an opaque origin none is bound
		Sandbox named = sandbox("uneven-3-1-0");
		Sandbox other = sandbox("uneven-3-1-0");
		StompSession session = this.client.connect("?sandbox=" + named.id(), new WebSocketHttpHeaders(),
				recordingErrors());
		BlockingQueue<Map<String, Object>> batches = StompTestClient.subscribe(session,
				SandboxDestinations.eventsTopic(other.id()));
		assertThat(batches.poll(10, TimeUnit.SECONDS)).isNotNull().containsKeys("seq", "events");
		assertThat(this.errors).isEmpty();
	}

	private static WebSocketHttpHeaders origin(String origin) {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.setOrigin(origin);
		return headers;
	}

	private StompSession connect(WebSocketHttpHeaders handshake, String sandbox, String token) throws Exception {
		return this.client.connect("?sandbox=" + sandbox + "&embed=" + token, handshake, recordingErrors());
	}

}
