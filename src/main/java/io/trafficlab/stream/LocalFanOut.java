package io.trafficlab.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;

/**
 * Copies a message that came from the broker to this instance's browsers that subscribe
 * to its destination, as Spring's simple broker would, but on one thread per core instead
 * of the caller's one: each browser belongs to one of them (by its session), so its
 * messages stay in order. An instance that copies another instance's room must keep up
 * with the owner's ticker, which slows down to what the owner's own copying allows; one
 * thread each would run at the same rate and never catch up once behind (README,
 * Benchmarks, "Several servers").
 *
 * <p>
 * When one thread falls {@link #BACKLOG} messages behind, its oldest waiting message is
 * dropped: its browsers see the gap in {@code seq} and fetch a snapshot; the log says so
 * at most once a minute.
 */
final class LocalFanOut {

	/** How many messages may wait on one thread. */
	static final int BACKLOG = 256;

	private static final Logger logger = LoggerFactory.getLogger(LocalFanOut.class);

	private final MessageChannel toBrowsers;

	private final List<ThreadPoolExecutor> threads = new ArrayList<>();

	private final AtomicLong lastWarned = new AtomicLong(Long.MIN_VALUE / 2);

	LocalFanOut(MessageChannel toBrowsers, int threads) {
		this.toBrowsers = toBrowsers;
		for (int i = 0; i < threads; i++) {
			String name = "room-fan-out-" + (i + 1);
			this.threads.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG),
					(task) -> {
						Thread thread = new Thread(task, name);
						thread.setDaemon(true);
						return thread;
					}, this::behind));
		}
	}

	/** Copies the payload to each subscriber, each on its session's thread. */
	void copy(List<StreamSubscriptions.Subscriber> subscribers, String destination, byte[] payload,
			MimeType contentType) {
		List<List<StreamSubscriptions.Subscriber>> byThread = new ArrayList<>();
		for (int i = 0; i < this.threads.size(); i++) {
			byThread.add(new ArrayList<>());
		}
		for (StreamSubscriptions.Subscriber subscriber : subscribers) {
			byThread.get(Math.floorMod(subscriber.session().hashCode(), this.threads.size())).add(subscriber);
		}
		for (int i = 0; i < this.threads.size(); i++) {
			List<StreamSubscriptions.Subscriber> mine = byThread.get(i);
			if (!mine.isEmpty()) {
				this.threads.get(i).execute(() -> send(mine, destination, payload, contentType));
			}
		}
	}

	void stop() {
		this.threads.forEach(ThreadPoolExecutor::shutdownNow);
	}

	private void send(List<StreamSubscriptions.Subscriber> subscribers, String destination, byte[] payload,
			MimeType contentType) {
		for (StreamSubscriptions.Subscriber subscriber : subscribers) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setSessionId(subscriber.session());
			headers.setSubscriptionId(subscriber.subscription());
			headers.setDestination(destination);
			headers.setContentType(contentType);
			headers.setLeaveMutable(true);
			this.toBrowsers.send(MessageBuilder.createMessage(payload, headers.getMessageHeaders()));
		}
	}

	private void behind(Runnable task, ThreadPoolExecutor executor) {
		if (executor.isShutdown()) {
			return;
		}
		executor.getQueue().poll();
		executor.execute(task);
		long now = System.currentTimeMillis();
		long last = this.lastWarned.get();
		if (now - last >= 60_000 && this.lastWarned.compareAndSet(last, now)) {
			logger.warn("This instance fell {} messages behind in copying other servers' rooms to its browsers; "
					+ "dropping the oldest (their browsers fetch a snapshot)", BACKLOG);
		}
	}

}
