package io.trafficlab.stream;

import io.trafficlab.embed.EmbedTokens;
import io.trafficlab.sandbox.SandboxDestinations;

import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The STOMP endpoint {@code /ws}, application prefix {@code /app}, compression only if
 * configured, and an outbound channel without a queue of its own.
 */
@Component
record StreamEndpoints(StreamInboundGuard guard, StreamSubscriptions subscriptions, StreamProperties properties,
		EmbedTokens tokens) implements WebSocketMessageBrokerConfigurer {

	/** Clients only subscribe: their frames stay small. */
	static final int INBOUND_MESSAGE_SIZE_LIMIT = 16 * 1024;

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// Spring's same-origin check stays for every origin but an opaque frame's, whose
		// handshake EmbedHandshake checks first
		var endpoint = registry.addEndpoint(SandboxDestinations.ENDPOINT)
			.addInterceptors(new ClientAddressHandshake(), new EmbedHandshake(this.tokens))
			.setAllowedOrigins(EmbedHandshake.OPAQUE_ORIGIN);
		if (!this.properties.compression()) {
			endpoint.setHandshakeHandler(new DefaultHandshakeHandler(new UncompressedUpgradeStrategy()));
		}
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		// The broker itself is StreamConfiguration's
		registry.setApplicationDestinationPrefixes("/app");
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(INBOUND_MESSAGE_SIZE_LIMIT);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.guard, this.subscriptions);
	}

	/**
	 * The publishing thread hands each message straight to the browser's bounded queue:
	 * sends never block (see {@link NonBlockingSession}), so a thread pool would only add
	 * an unbounded queue in front of the bounded one, and one thread per publisher keeps
	 * each browser's messages in order.
	 */
	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(new SyncTaskExecutor());
	}

}
