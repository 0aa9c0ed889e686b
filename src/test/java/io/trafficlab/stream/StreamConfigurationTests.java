package io.trafficlab.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator.OverflowStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link StreamConfiguration}: the in-memory broker unless the relay is enabled
 * (see {@link StompBrokerRelayTests}), and the outermost session decorator drops the
 * oldest unsent messages of a slow browser instead of queueing without bound or closing
 * its connection.
 */
@SpringBootTest
class StreamConfigurationTests {

	@Autowired
	@Qualifier("subProtocolWebSocketHandler")
	private WebSocketHandler handler;

	@Autowired
	private ApplicationContext context;

	@Test
	void brokerByDefaultShouldBeTheInMemorySimpleBroker() {
		assertThat(this.context.getBean("simpleBrokerMessageHandler")).isInstanceOf(SimpleBrokerMessageHandler.class);
		assertThat(this.context.getBeansOfType(StompBrokerRelayMessageHandler.class)).isEmpty();
	}

	@Test
	void subProtocolHandlerShouldDecorateSessionsToDropWithTheConfiguredLimits() {
		assertThat(this.handler).isInstanceOf(StreamConfiguration.DroppingSubProtocolWebSocketHandler.class);
		var dropping = (StreamConfiguration.DroppingSubProtocolWebSocketHandler) this.handler;
		assertThat(dropping.getSendBufferSizeLimit()).isEqualTo(StreamEndpoints.SEND_BUFFER_SIZE_LIMIT);
		assertThat(dropping.getSendTimeLimit()).isEqualTo(StreamEndpoints.SEND_TIME_LIMIT_MILLIS);
		WebSocketSession decorated = dropping.decorateSession(mock(WebSocketSession.class));
		assertThat(decorated).isInstanceOfSatisfying(ConcurrentWebSocketSessionDecorator.class,
				(session) -> assertThat(session.getOverflowStrategy()).isEqualTo(OverflowStrategy.DROP));
	}

	@Test
	void sendWhenTheBrowserIsStuckShouldDropTheOldestMessagesAndKeepTheConnection() throws Exception {
		WebSocketSession browser = mock(WebSocketSession.class);
		given(browser.isOpen()).willReturn(true);
		CountDownLatch stuck = new CountDownLatch(1);
		List<String> delivered = new CopyOnWriteArrayList<>();
		willAnswer((invocation) -> {
			stuck.await(5, TimeUnit.SECONDS);
			delivered.add(((WebSocketMessage<?>) invocation.getArgument(0)).getPayload().toString());
			return null;
		}).given(browser).sendMessage(any());
		var handler = new StreamConfiguration.DroppingSubProtocolWebSocketHandler((message, timeout) -> true,
				mock(SubscribableChannel.class));
		handler.setSendBufferSizeLimit(1_000);
		handler.setSendTimeLimit(60_000);
		WebSocketSession session = handler.decorateSession(browser);
		ExecutorService sender = Executors.newSingleThreadExecutor();
		sender.submit(() -> {
			session.sendMessage(new TextMessage("first"));
			return null;
		});
		Thread.sleep(100);
		for (int i = 0; i < 20; i++) {
			session.sendMessage(new TextMessage(i + ":" + "x".repeat(98)));
		}
		assertThat(((ConcurrentWebSocketSessionDecorator) session).getBufferSize()).isLessThanOrEqualTo(1_000);
		stuck.countDown();
		sender.shutdown();
		assertThat(sender.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		verify(browser, never()).close(any());
		assertThat(delivered.get(0)).isEqualTo("first");
		assertThat(delivered).hasSizeLessThan(21).last().asString().startsWith("19:");
	}

}
