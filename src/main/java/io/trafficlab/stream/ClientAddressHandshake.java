package io.trafficlab.stream;

import java.util.Map;

import io.trafficlab.system.ClientRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Remembers which client opened a stream connection (its address, as the HTTP limits
 * count it), so that limits per client also hold on the stream.
 */
class ClientAddressHandshake implements HandshakeInterceptor {

	static final String CLIENT = "trafficlab.client";

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (request instanceof ServletServerHttpRequest servlet) {
			attributes.put(CLIENT, ClientRequests.clientOf(servlet.getServletRequest()));
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

	/** The client of the connection a frame came on, if the handshake recorded it. */
	static @Nullable String clientOf(StompHeaderAccessor accessor) {
		Map<String, Object> attributes = accessor.getSessionAttributes();
		return (attributes != null && attributes.get(CLIENT) instanceof String client) ? client : null;
	}

}
