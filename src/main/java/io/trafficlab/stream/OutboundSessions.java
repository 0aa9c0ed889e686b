package io.trafficlab.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.trafficlab.system.DaemonScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * Every open stream connection as a {@link NonBlockingSession}, the byte budget they
 * share, and the watchdog that closes a connection whose write has been stuck for longer
 * than {@code trafficlab.stream.send-time-limit} (checked twice a second, on its own
 * thread, so closing never holds up a sender).
 */
@Component
class OutboundSessions implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OutboundSessions.class);

	private static final long CHECK_EVERY_MILLIS = 500;

	private final Map<String, NonBlockingSession> open = new ConcurrentHashMap<>();

	private final SendBudget budget;

	private final long bufferLimit;

	private final long timeLimitNanos;

	private final ScheduledExecutorService watchdog = DaemonScheduler.named("stream-watchdog");

	OutboundSessions(StreamProperties properties) {
		this.budget = new SendBudget(properties.sendBuffers().toBytes());
		this.bufferLimit = properties.sendBuffer().toBytes();
		this.timeLimitNanos = properties.sendTimeLimit().toNanos();
		this.watchdog.scheduleWithFixedDelay(this::closeStalled, CHECK_EVERY_MILLIS, CHECK_EVERY_MILLIS,
				TimeUnit.MILLISECONDS);
	}

	/** Wraps a connection that has just opened. */
	WebSocketSession opened(WebSocketSession session) {
		NonBlockingSession sending = new NonBlockingSession(session, this.budget, this.bufferLimit);
		this.open.put(session.getId(), sending);
		return sending;
	}

	void closed(String sessionId) {
		NonBlockingSession sending = this.open.remove(sessionId);
		if (sending != null) {
			sending.discard();
		}
	}

	@Override
	public String toString() {
		return this.open.values().toString();
	}

	/** How many connections are open. */
	int count() {
		return this.open.size();
	}

	/** Bytes queued for all connections together. */
	long queuedBytes() {
		return this.budget.held();
	}

	/** Bytes queued for the one connection that holds the most. */
	long largestQueue() {
		return this.open.values().stream().mapToLong(NonBlockingSession::queuedBytes).max().orElse(0);
	}

	/**
	 * How long the oldest unfinished write has been waiting, in milliseconds (0 when
	 * every connection keeps up).
	 */
	long longestWriteMillis() {
		long now = System.nanoTime();
		return TimeUnit.NANOSECONDS
			.toMillis(this.open.values().stream().mapToLong((session) -> session.writingFor(now)).max().orElse(0));
	}

	private void closeStalled() {
		long now = System.nanoTime();
		this.open.forEach((id, session) -> {
			if (session.isDiscarded()) {
				// A write failed: the socket is broken, and the container may not notice
				this.open.remove(id);
				session.closeStalled();
			}
			else if (session.writingFor(now) > this.timeLimitNanos) {
				logger.info("Closing stream connection {}: it accepted nothing for {} s ({} messages dropped)", id,
						TimeUnit.NANOSECONDS.toSeconds(this.timeLimitNanos), session.dropped());
				this.open.remove(id);
				session.closeStalled();
			}
		});
	}

	@Override
	public void destroy() {
		this.watchdog.shutdownNow();
	}

}
