package io.trafficlab.stream;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * A handshake check that records what it learns from the request as a session attribute
 * of the connection, for {@link StreamInboundGuard} to read on each frame; it has nothing
 * to do after the handshake.
 */
interface RecordingHandshake extends HandshakeInterceptor {

	@Override
	default void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	/**
	 * The text a handshake recorded as {@code name} on the connection a frame came on.
	 */
	static @Nullable String recorded(StompHeaderAccessor accessor, String name) {
		Map<String, Object> attributes = accessor.getSessionAttributes();
		return (attributes != null && attributes.get(name) instanceof String value) ? value : null;
	}

}
