package io.trafficlab.stream;

import io.trafficlab.sandbox.SandboxDestinations;

import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * The STOMP endpoint {@code /ws}, application prefix {@code /app}, and bounded sends.
 */
@Component
class StreamEndpoints implements WebSocketMessageBrokerConfigurer {

	/** A browser's unsent messages beyond this many bytes are dropped, oldest first. */
	static final int SEND_BUFFER_SIZE_LIMIT = 512 * 1024;

	/** A browser that accepts nothing for this long is disconnected. */
	static final int SEND_TIME_LIMIT_MILLIS = 15_000;

	/** Clients only subscribe: their frames stay small. */
	static final int INBOUND_MESSAGE_SIZE_LIMIT = 16 * 1024;

	private final StreamInboundGuard guard;

	private final StreamSubscriptions subscriptions;

	StreamEndpoints(StreamInboundGuard guard, StreamSubscriptions subscriptions) {
		this.guard = guard;
		this.subscriptions = subscriptions;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint(SandboxDestinations.ENDPOINT);
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		// The broker itself, simple or relay, is StreamConfiguration's choice
		registry.setApplicationDestinationPrefixes("/app");
		// The outbound channel is a thread pool: without this, two batches for one
		// browser could overtake each other
		registry.setPreservePublishOrder(true);
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setSendBufferSizeLimit(SEND_BUFFER_SIZE_LIMIT)
			.setSendTimeLimit(SEND_TIME_LIMIT_MILLIS)
			.setMessageSizeLimit(INBOUND_MESSAGE_SIZE_LIMIT);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.guard, this.subscriptions);
	}

}
