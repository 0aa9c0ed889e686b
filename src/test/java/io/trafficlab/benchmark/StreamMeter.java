package io.trafficlab.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the stream's clients count what they receive: into the windows being measured, if
 * any ({@link #measure}), so a benchmark can measure several windows with the same
 * connections, or count the same window once for some clients and once for all. Counts
 * the clients that failed while measuring and the messages that arrived compressed.
 */
final class StreamMeter {

	private volatile StreamTally[] tallies;

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong compressedMessages = new AtomicLong();

	/** Counts into each of {@code windows} from now on. */
	void measure(StreamTally... windows) {
		this.tallies = windows.clone();
	}

	/** Counts nothing until the next {@link #measure}. */
	void pause() {
		this.tallies = null;
	}

	boolean measuring() {
		return this.tallies != null;
	}

	void batch(long seq, long tickWallTime, int length, long previousSeq, long arrived) {
		StreamTally[] windows = this.tallies;
		if (windows != null) {
			for (StreamTally window : windows) {
				window.received(seq, tickWallTime, length, previousSeq, arrived);
			}
		}
	}

	void statistics() {
		StreamTally[] windows = this.tallies;
		if (windows != null) {
			for (StreamTally window : windows) {
				window.statistics();
			}
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
