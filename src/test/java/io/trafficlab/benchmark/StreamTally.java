package io.trafficlab.benchmark;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the stream's clients received in one measured window: batches (counted against
 * each client's {@code seq}), their delay from the tick's start to the client, their
 * bytes and the statistics messages.
 */
final class StreamTally {

	private final DelayHistogram delays = new DelayHistogram();

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong expected = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong statistics = new AtomicLong();

	private final AtomicLong gaps = new AtomicLong();

	void received(long seq, long tickWallTime, int length, long previousSeq, long arrived) {
		this.delays.add(arrived - tickWallTime);
		this.batches.incrementAndGet();
		this.bytes.addAndGet(length);
		this.expected.addAndGet((previousSeq < 0) ? 1 : Math.max(1, seq - previousSeq));
		if (previousSeq >= 0 && seq != previousSeq + 1) {
			this.gaps.incrementAndGet();
		}
	}

	void statistics() {
		this.statistics.incrementAndGet();
	}

	long batches() {
		return this.batches.get();
	}

	/** The batches the server published to the clients: what they would have had. */
	long expected() {
		return this.expected.get();
	}

	long bytes() {
		return this.bytes.get();
	}

	long statisticsCount() {
		return this.statistics.get();
	}

	long gaps() {
		return this.gaps.get();
	}

	double deliveredPercent() {
		return 100.0 * batches() / Math.max(1, expected());
	}

	long delayPercentile(double fraction) {
		return this.delays.percentile(batches(), fraction);
	}

	/** The tick-to-client delays as the reports print them. */
	String delaySummary() {
		return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms", delayPercentile(0.50),
				delayPercentile(0.99), delayPercentile(1.0));
	}

}
