package io.trafficlab.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * One browser's connection as the stream sends to it: {@link #sendMessage} only queues
 * and returns, so the thread that publishes a batch to a whole class never waits for any
 * one browser. The queue is written by the container's asynchronous sends, one message at
 * a time, each started as the one before completes.
 *
 * <p>
 * The queue holds at most {@code sendBuffer} bytes; past it, and whenever all connections
 * together hold more than {@link SendBudget} allows, the oldest queued messages are
 * dropped (the page sees a gap in {@code seq} and fetches a snapshot). A write that does
 * not finish within the send time limit means the browser stopped reading:
 * {@link OutboundSessions} then closes the connection.
 */
final class NonBlockingSession extends WebSocketSessionDecorator {

	/** Tomcat answers a non-normal close within this time even if the socket is full. */
	private static final String ABNORMAL_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";

	private final RemoteEndpoint.Async remote;

	private final SendBudget budget;

	private final long limit;

	private final ArrayDeque<WebSocketMessage<?>> queue = new ArrayDeque<>();

	private long queuedBytes;

	private long dropped;

	private boolean writing;

	private long writingSince;

	private boolean closed;

	/**
	 * A close asked for while messages were still queued or being written (a STOMP ERROR
	 * and then the close): it follows the last of them, so the browser reads why.
	 */
	private @Nullable CloseStatus closeWhenWritten;

	NonBlockingSession(WebSocketSession session, SendBudget budget, long limit) {
		super(session);
		Session container = ((NativeWebSocketSession) session).getNativeSession(Session.class);
		if (container == null) {
			throw new IllegalStateException("WebSocket session " + session.getId() + " is not open yet");
		}
		container.getUserProperties().put(ABNORMAL_CLOSE_TIMEOUT, 100L);
		this.remote = container.getAsyncRemote();
		this.budget = budget;
		this.limit = limit;
	}

	@Override
	public void sendMessage(WebSocketMessage<?> message) throws IOException {
		if (!(message instanceof TextMessage) && !(message instanceof BinaryMessage)) {
			getDelegate().sendMessage(message);
			return;
		}
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.queue.add(message);
			this.queuedBytes += message.getPayloadLength();
			this.budget.take(message.getPayloadLength());
			while (this.queue.size() > 1 && (this.queuedBytes > this.limit || this.budget.exceeded())) {
				release(this.queue.poll());
				this.dropped++;
			}
			if (this.writing) {
				return;
			}
			this.writing = true;
		}
		writeQueued();
	}

	/**
	 * Closes the connection once what is queued has been written; a browser that does not
	 * read it is closed by {@link OutboundSessions}' watchdog as usual.
	 */
	@Override
	public void close(CloseStatus status) throws IOException {
		synchronized (this) {
			if (!this.closed && (this.writing || !this.queue.isEmpty())) {
				this.closeWhenWritten = status;
				return;
			}
		}
		getDelegate().close(status);
	}

	@Override
	public void close() throws IOException {
		close(CloseStatus.NORMAL);
	}

	/** How many messages were dropped because the browser read too slowly. */
	synchronized long dropped() {
		return this.dropped;
	}

	/** Bytes queued, not yet handed to the container. */
	synchronized long queuedBytes() {
		return this.queuedBytes;
	}

	/**
	 * How long the current write has been unfinished, in nanoseconds; 0 if nothing is
	 * being written.
	 */
	synchronized long writingFor(long nanoTime) {
		return this.writing ? nanoTime - this.writingSince : 0;
	}

	/** Whether a write failed or the connection was closed. */
	synchronized boolean isDiscarded() {
		return this.closed;
	}

	@Override
	public synchronized String toString() {
		return getId() + " (queued " + this.queuedBytes + " bytes, dropped " + this.dropped + ", writing "
				+ this.writing + ", discarded " + this.closed + ")";
	}

	/** Closes the connection of a browser that stopped reading. */
	void closeStalled() {
		discard();
		try {
			getDelegate().close(CloseStatus.SESSION_NOT_RELIABLE);
		}
		catch (IOException | RuntimeException ex) {
			// The socket is gone either way; the container reports the close
		}
	}

	/** Drops whatever is still queued, once the connection is closed. */
	void discard() {
		synchronized (this) {
			this.closed = true;
			while (!this.queue.isEmpty()) {
				release(this.queue.poll());
			}
		}
	}

	/**
	 * Writes queued messages until the queue is empty or a write has to wait for the
	 * socket; the thread that set {@code writing} runs it, and so does the completion of
	 * a write that waited.
	 */
	private void writeQueued() {
		while (true) {
			WebSocketMessage<?> next;
			CloseStatus close = null;
			synchronized (this) {
				next = this.closed ? null : this.queue.poll();
				if (next == null) {
					this.writing = false;
					close = this.closed ? null : this.closeWhenWritten;
				}
				else {
					release(next);
					this.writingSince = System.nanoTime();
				}
			}
			if (next == null) {
				closeAfterLastWrite(close);
				return;
			}
			Completion completion = new Completion();
			try {
				if (next instanceof TextMessage text) {
					// As a binary message: the frame's bytes are already UTF-8 (Spring's
					// STOMP encoder made them), and Tomcat would encode the text again,
					// character by character, for every copy; STOMP clients read both
					this.remote.sendBinary(ByteBuffer.wrap(text.asBytes()), completion);
				}
				else {
					this.remote.sendBinary((ByteBuffer) next.getPayload(), completion);
				}
			}
			catch (RuntimeException ex) {
				failed();
				return;
			}
			if (!completion.finishedInline()) {
				return;
			}
			if (completion.failed) {
				failed();
				return;
			}
		}
	}

	private void closeAfterLastWrite(@Nullable CloseStatus status) {
		if (status == null) {
			return;
		}
		try {
			getDelegate().close(status);
		}
		catch (IOException | RuntimeException ex) {
			// The socket is gone either way; the container reports the close
		}
	}

	private void failed() {
		discard();
		synchronized (this) {
			this.writing = false;
		}
	}

	private void release(@Nullable WebSocketMessage<?> message) {
		if (message != null) {
			this.queuedBytes -= message.getPayloadLength();
			this.budget.give(message.getPayloadLength());
		}
	}

	/**
	 * The end of one asynchronous write. When the container finishes it before
	 * {@code sendText} returns, the writing loop goes on (no recursion through the
	 * handler); otherwise the handler continues the loop on the container's thread.
	 */
	private final class Completion implements SendHandler {

		private static final int PENDING = 0;

		private static final int INLINE = 1;

		private static final int LATER = 2;

		private final AtomicInteger state = new AtomicInteger(PENDING);

		private volatile boolean failed;

		@Override
		public void onResult(SendResult result) {
			this.failed = !result.isOK();
			if (this.state.compareAndSet(PENDING, INLINE)) {
				return;
			}
			if (this.failed) {
				failed();
			}
			else {
				writeQueued();
			}
		}

		boolean finishedInline() {
			return !this.state.compareAndSet(PENDING, LATER);
		}

	}

}
