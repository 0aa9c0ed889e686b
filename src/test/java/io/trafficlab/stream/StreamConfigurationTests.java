package io.trafficlab.stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamConfiguration}: the in-memory broker, and the relay to another
 * broker never started unless enabled (see {@link StompBrokerRelayTests}), the outermost
 * session decorator queues instead of blocking (see {@link NonBlockingSessionTests}), and
 * nothing queues in front of it.
 */
@SpringBootTest
class StreamConfigurationTests {

	@Autowired
	@Qualifier("subProtocolWebSocketHandler")
	private WebSocketHandler handler;

	@Autowired
	private ApplicationContext context;

	@Test
	void brokerByDefaultShouldBeTheInMemorySimpleBrokerWithTheRelayNeverStarted() {
		assertThat(this.context.getBean("simpleBrokerMessageHandler")).isInstanceOf(SimpleBrokerMessageHandler.class);
		// The relay's bean always exists (no bean condition, for Spring's AOT code); it
		// starts only with trafficlab.stream.relay.enabled
		StompBrokerRelayMessageHandler relay = this.context.getBean(StompBrokerRelayMessageHandler.class);
		assertThat(relay.isRunning()).isFalse();
		assertThat(relay.isBrokerAvailable()).isFalse();
		assertThat(this.context.getBean(BrokerLink.class).enabled()).isFalse();
	}

	@Test
	void subProtocolHandlerShouldDecorateSessionsSoThatSendsNeverBlock() {
		assertThat(this.handler).isInstanceOf(StreamConfiguration.NonBlockingSubProtocolWebSocketHandler.class);
		var nonBlocking = (StreamConfiguration.NonBlockingSubProtocolWebSocketHandler) this.handler;
		WebSocketSession decorated = nonBlocking.decorateSession(NonBlockingSessionTests.openSession("s1").session());
		assertThat(decorated).isInstanceOf(NonBlockingSession.class);
	}

	@Test
	void clientOutboundChannelShouldHaveNoThreadPoolOfItsOwn() {
		assertThat(this.context.getBean("clientOutboundChannelExecutor")).isInstanceOf(SyncTaskExecutor.class);
	}

}
