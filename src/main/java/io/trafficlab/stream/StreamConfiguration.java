package io.trafficlab.stream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator.OverflowStrategy;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * STOMP messaging: what {@code @EnableWebSocketMessageBroker} sets up (that annotation
 * only imports the class extended here), plus two choices. The broker: Spring's in-memory
 * simple broker, or with {@code trafficlab.stream.relay.enabled} an external STOMP broker
 * through Spring's broker relay. And a slow browser loses its oldest unsent messages
 * instead of its connection.
 *
 * <p>
 * Spring wraps every WebSocket session in a {@link ConcurrentWebSocketSessionDecorator}
 * whose overflow strategy is fixed to {@code TERMINATE}. A session decorator added
 * through {@code WebSocketTransportRegistration.addDecoratorFactory} would sit
 * <em>inside</em> that one and never see concurrent sends, so it could never drop
 * anything; the outermost decorator has to be the dropping one. Its buffer is bounded by
 * {@code send-buffer-size-limit}; a client that is stuck for longer than
 * {@code send-time-limit} is still disconnected. A client that sees a gap in the batch
 * numbers fetches a new snapshot.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

	/** Every topic lives under this prefix, with either broker. */
	static final String BROKER_PREFIX = "/topic";

	private final StreamProperties properties;

	StreamConfiguration(StreamProperties properties) {
		this.properties = properties;
	}

	/** The endpoint's settings from {@link StreamEndpoints}, then the broker. */
	@Override
	protected void configureMessageBroker(MessageBrokerRegistry registry) {
		super.configureMessageBroker(registry);
		StreamProperties.Relay relay = this.properties.relay();
		if (!relay.enabled()) {
			registry.enableSimpleBroker(BROKER_PREFIX);
			return;
		}
		registry.enableStompBrokerRelay(BROKER_PREFIX)
			.setRelayHost(relay.host())
			.setRelayPort(relay.port())
			.setClientLogin(relay.login())
			.setClientPasscode(relay.passcode())
			.setSystemLogin(relay.login())
			.setSystemPasscode(relay.passcode())
			.setVirtualHost(relay.virtualHost())
			.setTcpClient(new ReactorNettyTcpClient<>(relay.host(), relay.port(), new BrokerRelayCodec()));
	}

	@Bean
	@Override
	public WebSocketHandler subProtocolWebSocketHandler(
			@Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel,
			@Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutboundChannel) {
		DroppingSubProtocolWebSocketHandler handler = new DroppingSubProtocolWebSocketHandler(clientInboundChannel,
				clientOutboundChannel);
		handler.setPhase(getPhase());
		return handler;
	}

	/**
	 * Decorates each session so that sends past the buffer limit drop the oldest buffered
	 * messages.
	 */
	static final class DroppingSubProtocolWebSocketHandler extends SubProtocolWebSocketHandler {

		DroppingSubProtocolWebSocketHandler(MessageChannel clientInboundChannel,
				SubscribableChannel clientOutboundChannel) {
			super(clientInboundChannel, clientOutboundChannel);
		}

		@Override
		protected WebSocketSession decorateSession(WebSocketSession session) {
			return new ConcurrentWebSocketSessionDecorator(session, getSendTimeLimit(), getSendBufferSizeLimit(),
					OverflowStrategy.DROP);
		}

	}

}
