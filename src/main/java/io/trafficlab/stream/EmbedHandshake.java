package io.trafficlab.stream;

import java.util.Map;

import io.trafficlab.embed.EmbedTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets a frame with an opaque origin ({@code Origin: null}) open the stream for the one
 * sandbox it started: its handshake names the sandbox and that sandbox's embed token
 * ({@code /ws?sandbox=…&embed=…}); the connection is then bound to that sandbox, and
 * {@link StreamInboundGuard} lets it subscribe to nothing else. Every other origin is
 * left to Spring's same-origin check.
 */
class EmbedHandshake implements RecordingHandshake {

	/** The origin a browser sends from an opaque-origin document. */
	static final String OPAQUE_ORIGIN = "null";

	private static final String BOUND_SANDBOX = "trafficlab.embedSandbox";

	private final EmbedTokens tokens;

	EmbedHandshake(EmbedTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (!OPAQUE_ORIGIN.equals(request.getHeaders().getOrigin())) {
			return true;
		}
		var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
		String sandbox = query.getFirst("sandbox");
		if (sandbox == null || !this.tokens.valid(sandbox, query.getFirst("embed"))) {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			return false;
		}
		attributes.put(BOUND_SANDBOX, sandbox);
		return true;
	}

	/**
	 * The sandbox an embed's connection is bound to; null for a page of our own origin.
	 */
	static @Nullable String boundSandbox(StompHeaderAccessor accessor) {
		return RecordingHandshake.recorded(accessor, BOUND_SANDBOX);
	}

}
