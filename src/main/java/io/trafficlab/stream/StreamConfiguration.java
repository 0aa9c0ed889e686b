package io.trafficlab.stream;

import java.util.HashMap;
import java.util.Map;

import io.trafficlab.cluster.ThisInstance;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.simp.user.UserDestinationResolver;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * STOMP messaging: what {@code @EnableWebSocketMessageBroker} sets up (that annotation
 * only imports the class extended here), plus two choices. The broker: Spring's in-memory
 * simple broker, or with {@code trafficlab.stream.relay.enabled} an external STOMP broker
 * through Spring's broker relay. And no browser can hold up another's messages.
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

	/** Every topic lives under this prefix, with either broker. */
	static final String BROKER_PREFIX = "/topic";

	private final StreamProperties properties;

	private final OutboundSessions outbound;

	private final PeerReports peers;

	private final ThisInstance instance;

	StreamConfiguration(StreamProperties properties, OutboundSessions outbound, PeerReports peers,
			ThisInstance instance) {
		this.instance = instance;
		this.properties = properties;
		this.outbound = outbound;
		this.peers = peers;
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

	/**
	 * Spring's relay, which also listens, on its own connection, for the other instances'
	 * reports ({@link PeerReports}) when this instance is one of several.
	 */
	@Bean
	@Override
	public AbstractBrokerMessageHandler stompBrokerRelayMessageHandler(
			@Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel,
			@Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutboundChannel,
			@Qualifier("brokerChannel") AbstractSubscribableChannel brokerChannel,
			UserDestinationMessageHandler userDestinationMessageHandler,
			@Qualifier("userRegistryMessageHandler") @Nullable MessageHandler userRegistryMessageHandler,
			UserDestinationResolver userDestinationResolver) {
		AbstractBrokerMessageHandler handler = super.stompBrokerRelayMessageHandler(clientInboundChannel,
				clientOutboundChannel, brokerChannel, userDestinationMessageHandler, userRegistryMessageHandler,
				userDestinationResolver);
		if (handler instanceof StompBrokerRelayMessageHandler relay && this.instance.id().isPresent()) {
			Map<String, MessageHandler> subscriptions = new HashMap<>(relay.getSystemSubscriptions());
			subscriptions.put(InstanceReport.TOPIC, this.peers);
			relay.setSystemSubscriptions(subscriptions);
		}
		return handler;
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
