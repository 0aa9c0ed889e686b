package io.trafficlab.stream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * STOMP messaging: what {@code @EnableWebSocketMessageBroker} sets up (that annotation
 * only imports the class extended here), with Spring's in-memory simple broker, on every
 * instance (instances that share a broker pass rooms' messages through it,
 * {@link BrokerLinkConfiguration}); and no browser can hold up another's messages.
 *
 * <p>
 * Spring wraps every WebSocket session in a {@code ConcurrentWebSocketSessionDecorator},
 * whose sends block the sending thread in a socket write while the browser does not read:
 * a few frozen browsers held every thread of the outbound channel, and the stream of
 * every other browser stopped with them. Here the outermost decorator is a
 * {@link NonBlockingSession} instead (a decorator added through
 * {@code WebSocketTransportRegistration.addDecoratorFactory} would sit inside Spring's
 * one): sends only queue, bounded, and the container writes asynchronously. The outbound
 * channel has no thread pool of its own ({@link StreamEndpoints}), so there is no queue
 * in front of the bounded one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

	/** Every topic browsers subscribe to lives under this prefix. */
	static final String BROKER_PREFIX = "/topic";

	private final OutboundSessions outbound;

	StreamConfiguration(OutboundSessions outbound) {
		this.outbound = outbound;
	}

	/** The endpoint's settings from {@link StreamEndpoints}, then the broker. */
	@Override
	protected void configureMessageBroker(MessageBrokerRegistry registry) {
		super.configureMessageBroker(registry);
		registry.enableSimpleBroker(BROKER_PREFIX);
	}

	@Bean
	@Override
	public WebSocketHandler subProtocolWebSocketHandler(
			@Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel,
			@Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutboundChannel) {
		NonBlockingSubProtocolWebSocketHandler handler = new NonBlockingSubProtocolWebSocketHandler(
				clientInboundChannel, clientOutboundChannel, this.outbound);
		handler.setPhase(getPhase());
		return handler;
	}

	/** Decorates each session so that sends queue and return. */
	static final class NonBlockingSubProtocolWebSocketHandler extends SubProtocolWebSocketHandler {

		private final OutboundSessions outbound;

		NonBlockingSubProtocolWebSocketHandler(MessageChannel clientInboundChannel,
				SubscribableChannel clientOutboundChannel, OutboundSessions outbound) {
			super(clientInboundChannel, clientOutboundChannel);
			this.outbound = outbound;
		}

		@Override
		protected WebSocketSession decorateSession(WebSocketSession session) {
			return this.outbound.opened(session);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
			this.outbound.closed(session.getId());
			super.afterConnectionClosed(session, closeStatus);
		}

	}

}
