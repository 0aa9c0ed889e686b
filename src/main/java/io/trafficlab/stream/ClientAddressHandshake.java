package io.trafficlab.stream;

import java.util.Map;

import io.trafficlab.system.ClientRequests;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.WebSocketHandler;

/**
 * Remembers which client opened a stream connection (its address, as the HTTP limits
 * count it), so that limits per client also hold on the stream.
 */
class ClientAddressHandshake implements RecordingHandshake {

	static final String CLIENT = "trafficlab.client";

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (request instanceof ServletServerHttpRequest servlet) {
			attributes.put(CLIENT, ClientRequests.clientOf(servlet.getServletRequest()));
		}
		return true;
	}

	/** The client of the connection a frame came on, if the handshake recorded it. */
	static @Nullable String clientOf(StompHeaderAccessor accessor) {
		return RecordingHandshake.recorded(accessor, CLIENT);
	}

}
