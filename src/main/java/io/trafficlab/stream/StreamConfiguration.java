package io.trafficlab.stream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator.OverflowStrategy;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * STOMP messaging with the simple in-memory broker: what {@code @EnableWebSocketMessageBroker} sets up (that
 * annotation only imports the class extended here), plus one change: a slow browser loses its oldest unsent messages
 * instead of its connection.
 *
 * <p>
 * Spring wraps every WebSocket session in a {@link ConcurrentWebSocketSessionDecorator} whose overflow strategy is
 * fixed to {@code TERMINATE}. A session decorator added through
 * {@code WebSocketTransportRegistration.addDecoratorFactory} would sit <em>inside</em> that one and never see
 * concurrent sends, so it could never drop anything; the outermost decorator has to be the dropping one. Its buffer is
 * bounded by {@code send-buffer-size-limit}; a client that is stuck for longer than {@code send-time-limit} is still
 * disconnected. A client that sees a gap in the batch numbers fetches a new snapshot.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

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
	 * Decorates each session so that sends past the buffer limit drop the oldest buffered messages.
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
