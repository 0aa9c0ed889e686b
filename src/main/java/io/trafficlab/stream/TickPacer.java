package io.trafficlab.stream;

/**
 * Decides whether a firing of the ticker's fixed-rate schedule is a tick or a catch-up to
 * skip. After a stall (a thousand browsers connecting at once, a long pause of the JVM)
 * the schedule fires the missed ticks back to back: each would advance every sandbox and
 * send a batch to every watcher, so an instance that is already behind would send more
 * than its usual rate exactly when it can least afford to, and its browsers would see the
 * simulation fast-forward. A firing less than half an interval after the last tick is
 * skipped instead: the simulations run slower than the wall clock while the instance is
 * behind, and the batches keep their pace. Not thread-safe: the ticker's one thread uses
 * it.
 */
final class TickPacer {

	private final long halfIntervalNanos;

	private long lastTick;

	private boolean ticked;

	private long skipped;

	TickPacer(long intervalNanos) {
		this.halfIntervalNanos = intervalNanos / 2;
	}

	/**
	 * Whether to tick now ({@link System#nanoTime()}), and if so counts it as the last.
	 */
	boolean tickAt(long nanos) {
		if (this.ticked && nanos - this.lastTick < this.halfIntervalNanos) {
			this.skipped++;
			return false;
		}
		this.ticked = true;
		this.lastTick = nanos;
		return true;
	}

	/** How many firings were skipped since the last call. */
	long takeSkipped() {
		long count = this.skipped;
		this.skipped = 0;
		return count;
	}

}
