package io.trafficlab.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the stream's clients count what they receive: into the window being measured, if
 * any ({@link #measure}), so a benchmark can measure several windows with the same
 * connections. Counts the clients that failed while measuring and the messages that
 * arrived compressed.
 */
final class StreamMeter {

	private volatile StreamTally tally;

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong compressedMessages = new AtomicLong();

	/** Counts into {@code window} from now on. */
	void measure(StreamTally window) {
		this.tally = window;
	}

	/** Counts nothing until the next {@link #measure}. */
	void pause() {
		this.tally = null;
	}

	boolean measuring() {
		return this.tally != null;
	}

	void batch(long seq, long tickWallTime, int length, long previousSeq, long arrived) {
		StreamTally window = this.tally;
		if (window != null) {
			window.received(seq, tickWallTime, length, previousSeq, arrived);
		}
	}

	void statistics() {
		StreamTally window = this.tally;
		if (window != null) {
			window.statistics();
		}
	}

	void failed(Exception ex) {
		if (measuring()) {
			this.failures.incrementAndGet();
		}
		System.err.println("A client failed: " + ex);
	}

	void compressed() {
		this.compressedMessages.incrementAndGet();
	}

	long failures() {
		return this.failures.get();
	}

	long compressedMessages() {
		return this.compressedMessages.get();
	}

}
