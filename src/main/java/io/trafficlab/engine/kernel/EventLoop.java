package io.trafficlab.engine.kernel;

/**
 * A virtual clock and its event queue: the caller advances simulated time, and every
 * event due is handed to an {@link EventHandler} in (time, sequence) order, with the
 * clock set to the event's time. Times are simulated microseconds; nothing here reads the
 * wall clock.
 */
public final class EventLoop {

	private final EventQueue queue = new EventQueue();

	private long now;

	/** The simulated time, in microseconds. */
	public long now() {
		return this.now;
	}

	/** Schedules an event at {@code time}, which must not be in the past. */
	public void schedule(long time, int kind, long payload) {
		if (time < this.now) {
			throw new IllegalArgumentException(
					"Cannot schedule an event at " + time + " µs, before now (" + this.now + " µs)");
		}
		this.queue.schedule(time, kind, payload);
	}

	/** Schedules an event {@code delay} microseconds from now. */
	public void scheduleIn(long delay, int kind, long payload) {
		schedule(this.now + delay, kind, payload);
	}

	/** The time of the next event, or {@link Long#MAX_VALUE} when none is pending. */
	public long nextEventTime() {
		return this.queue.peekTime();
	}

	/** How many events are pending. */
	public int pending() {
		return this.queue.size();
	}

	/**
	 * Handles every event due at or before {@code time}, then sets the clock to
	 * {@code time}.
	 * @return how many events were handled
	 */
	public int advanceTo(long time, EventHandler handler) {
		if (time < this.now) {
			throw new IllegalArgumentException(
					"Simulated time only moves forward: cannot go back from " + this.now + " µs to " + time + " µs");
		}
		int handled = 0;
		while (this.queue.peekTime() <= time) {
			handleNext(handler);
			handled++;
		}
		this.now = time;
		return handled;
	}

	/**
	 * Handles exactly the next event, if any; the clock jumps to its time.
	 * @return whether there was an event
	 */
	public boolean step(EventHandler handler) {
		if (this.queue.isEmpty()) {
			return false;
		}
		handleNext(handler);
		return true;
	}

	private void handleNext(EventHandler handler) {
		this.queue.poll();
		this.now = this.queue.polledTime();
		handler.handle(this.queue.polledKind(), this.queue.polledPayload());
	}

}
