package io.trafficlab.benchmark;

import java.util.concurrent.atomic.AtomicLongArray;

/** Delays in whole milliseconds, up to a minute, counted for percentiles. */
final class DelayHistogram {

	private static final int MAX_MILLIS = 60_000;

	private final AtomicLongArray counts = new AtomicLongArray(MAX_MILLIS + 1);

	void add(long millis) {
		this.counts.incrementAndGet((int) Math.max(0, Math.min(MAX_MILLIS, millis)));
	}

	/**
	 * The delay that {@code fraction} of the {@code total} counted delays do not exceed.
	 */
	long percentile(long total, double fraction) {
		long rank = Math.max(1, (long) Math.ceil(total * fraction));
		long seen = 0;
		for (int millis = 0; millis <= MAX_MILLIS; millis++) {
			seen += this.counts.get(millis);
			if (seen >= rank) {
				return millis;
			}
		}
		return MAX_MILLIS;
	}

}
