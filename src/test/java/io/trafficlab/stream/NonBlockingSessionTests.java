package io.trafficlab.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

/**
 * Tests for {@link NonBlockingSession}: a send only queues, a browser that does not read
 * loses its oldest messages within a bounded queue and keeps its connection until the
 * watchdog closes it, and the queue's order survives writes that finish at once.
 */
class NonBlockingSessionTests {

	@Test
	void sendWhenTheBrowserIsStuckShouldDropTheOldestMessagesAndKeepTheConnection() throws Exception {
		Browser browser = openSession("s1");
		NonBlockingSession session = new NonBlockingSession(browser.session(), new SendBudget(1 << 20), 1_000);
		session.sendMessage(new TextMessage("first"));
		for (int i = 0; i < 20; i++) {
			session.sendMessage(new TextMessage(i + ":" + "x".repeat(98)));
		}
		assertThat(browser.written()).containsExactly("first");
		assertThat(session.queuedBytes()).isLessThanOrEqualTo(1_000);
		assertThat(session.dropped()).isGreaterThan(0);
		browser.completeAll();
		verify(browser.session(), never()).close(any());
		assertThat(browser.written().get(0)).isEqualTo("first");
		assertThat(browser.written()).hasSizeLessThan(21).last().asString().startsWith("19:");
		assertThat(session.queuedBytes()).isZero();
	}

	@Test
	void sendWhenWritesFinishAtOnceShouldWriteEverythingInOrder() throws Exception {
		Browser browser = openSession("s1");
		NonBlockingSession session = new NonBlockingSession(browser.session(), new SendBudget(1 << 20), 1 << 20);
		session.sendMessage(new TextMessage("0"));
		for (int i = 1; i < 2_000; i++) {
			session.sendMessage(new TextMessage(String.valueOf(i)));
		}
		browser.completeInline();
		browser.completeAll();
		session.sendMessage(new TextMessage("2000"));
		assertThat(browser.written()).hasSize(2_001).startsWith("0", "1", "2").endsWith("1999", "2000");
		assertThat(session.writingFor(System.nanoTime())).isZero();
	}

	@Test
	void sendWhenAllConnectionsTogetherHoldTheBudgetShouldDropTheSendersOldest() throws Exception {
		SendBudget budget = new SendBudget(1_500);
		Browser first = openSession("s1");
		Browser second = openSession("s2");
		NonBlockingSession one = new NonBlockingSession(first.session(), budget, 1_000);
		NonBlockingSession two = new NonBlockingSession(second.session(), budget, 1_000);
		for (int i = 0; i < 50; i++) {
			one.sendMessage(new TextMessage("x".repeat(100)));
			two.sendMessage(new TextMessage("y".repeat(100)));
			assertThat(budget.held()).isLessThanOrEqualTo(1_600);
		}
		assertThat(one.queuedBytes() + two.queuedBytes()).isEqualTo(budget.held());
	}

	@Test
	void closeStalledShouldCloseAsNotReliableAndReleaseItsQueue() throws Exception {
		SendBudget budget = new SendBudget(1 << 20);
		Browser browser = openSession("s1");
		NonBlockingSession session = new NonBlockingSession(browser.session(), budget, 1 << 20);
		for (int i = 0; i < 10; i++) {
			session.sendMessage(new TextMessage("message " + i));
		}
		Thread.sleep(5);
		assertThat(session.writingFor(System.nanoTime())).isPositive();
		assertThat(budget.held()).isPositive();
		session.closeStalled();
		verify(browser.session()).close(CloseStatus.SESSION_NOT_RELIABLE);
		assertThat(budget.held()).isZero();
		session.sendMessage(new TextMessage("after"));
		browser.completeAll();
		assertThat(browser.written()).containsExactly("message 0");
	}

	/**
	 * A connection whose writes wait until the test completes them, or finish at once
	 * after {@link Browser#completeInline()}.
	 */
	static Browser openSession(String id) {
		WebSocketSession session = mock(WebSocketSession.class,
				withSettings().extraInterfaces(NativeWebSocketSession.class));
		Session container = mock(Session.class);
		RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
		given(session.getId()).willReturn(id);
		given(session.isOpen()).willReturn(true);
		given(((NativeWebSocketSession) session).getNativeSession(Session.class)).willReturn(container);
		given(container.getUserProperties()).willReturn(new HashMap<>());
		given(container.getAsyncRemote()).willReturn(remote);
		Browser browser = new Browser(session, container, new CopyOnWriteArrayList<>(), new ArrayList<>(),
				new boolean[1]);
		willAnswer((invocation) -> {
			ByteBuffer bytes = invocation.getArgument(0);
			browser.written().add(StandardCharsets.UTF_8.decode(bytes).toString());
			SendHandler handler = invocation.getArgument(1);
			if (browser.inline()[0]) {
				handler.onResult(new SendResult(container));
			}
			else {
				browser.pending().add(handler);
			}
			return null;
		}).given(remote).sendBinary(any(ByteBuffer.class), any(SendHandler.class));
		return browser;
	}

	record Browser(WebSocketSession session, Session container, List<String> written, List<SendHandler> pending,
			boolean[] inline) {

		void completeInline() {
			this.inline[0] = true;
		}

		/** Completes pending writes, and the writes their completion starts. */
		void completeAll() {
			while (!this.pending.isEmpty()) {
				this.pending.remove(0).onResult(new SendResult(container));
			}
		}

	}

}
