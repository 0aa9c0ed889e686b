package io.trafficlab.classroom;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.trafficlab.stream.StreamPublisher;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a class's state to its room's class topic after it changes: at most one message
 * per room every {@value #EVERY_MILLIS} ms, always the latest state, so 200 answers in a
 * second are a handful of messages, not 200 copies to 200 browsers each.
 */
@Component
class ClassPublisher {

	static final long EVERY_MILLIS = 100;

	private static final Logger logger = LoggerFactory.getLogger(ClassPublisher.class);

	private final StreamPublisher stream;

	private final Set<Classroom> changed = new LinkedHashSet<>();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "class-publisher");
		thread.setDaemon(true);
		return thread;
	});

	ClassPublisher(StreamPublisher stream) {
		this.stream = stream;
		this.executor.scheduleWithFixedDelay(this::flushSafely, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
	}

	/** The class changed: its state goes out with the next flush. */
	void changed(Classroom classroom) {
		synchronized (this.changed) {
			this.changed.add(classroom);
		}
	}

	/** Runs {@code task} on the publisher's thread every {@code millis}. */
	void every(long millis, Runnable task) {
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.error("A periodic class task failed", ex);
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	void flush() {
		List<Classroom> due;
		synchronized (this.changed) {
			due = List.copyOf(this.changed);
			this.changed.clear();
		}
		for (Classroom classroom : due) {
			this.stream.publishClass(classroom.code(), classroom.view());
		}
	}

	private void flushSafely() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			// An exception would cancel the schedule for good
			logger.error("Publishing class states failed", ex);
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
