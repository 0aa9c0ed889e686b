package io.trafficlab.engine.kernel;

import java.util.Arrays;

/**
 * Pending events ordered by (time, sequence): earlier first, and among events at the same
 * time the one scheduled first. An event is two numbers, a kind and a payload, whose
 * meaning belongs to the caller; entries live in parallel primitive arrays of a binary
 * heap, so scheduling and polling allocate nothing once the arrays have grown.
 */
public final class EventQueue {

	private long[] times = new long[16];

	private long[] sequences = new long[16];

	private int[] kinds = new int[16];

	private long[] payloads = new long[16];

	private int size;

	private long nextSequence;

	private long polledTime;

	private int polledKind;

	private long polledPayload;

	/** Schedules an event; returns its sequence number. */
	public long schedule(long time, int kind, long payload) {
		if (this.size == this.times.length) {
			grow();
		}
		long sequence = this.nextSequence++;
		int i = this.size++;
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			if (!before(time, sequence, this.times[parent], this.sequences[parent])) {
				break;
			}
			move(parent, i);
			i = parent;
		}
		set(i, time, sequence, kind, payload);
		return sequence;
	}

	public boolean isEmpty() {
		return this.size == 0;
	}

	public int size() {
		return this.size;
	}

	/** The time of the next event; {@link Long#MAX_VALUE} when there is none. */
	public long peekTime() {
		return (this.size > 0) ? this.times[0] : Long.MAX_VALUE;
	}

	/**
	 * Removes the next event; read it with {@link #polledTime()}, {@link #polledKind()}
	 * and {@link #polledPayload()}.
	 * @throws IllegalStateException when the queue is empty
	 */
	public void poll() {
		if (this.size == 0) {
			throw new IllegalStateException("The event queue is empty");
		}
		this.polledTime = this.times[0];
		this.polledKind = this.kinds[0];
		this.polledPayload = this.payloads[0];
		int last = --this.size;
		if (last > 0) {
			siftDown(this.times[last], this.sequences[last], this.kinds[last], this.payloads[last], last);
		}
	}

	public long polledTime() {
		return this.polledTime;
	}

	public int polledKind() {
		return this.polledKind;
	}

	public long polledPayload() {
		return this.polledPayload;
	}

	private void siftDown(long time, long sequence, int kind, long payload, int size) {
		int i = 0;
		int half = size >>> 1;
		while (i < half) {
			int child = 2 * i + 1;
			int right = child + 1;
			if (right < size
					&& before(this.times[right], this.sequences[right], this.times[child], this.sequences[child])) {
				child = right;
			}
			if (!before(this.times[child], this.sequences[child], time, sequence)) {
				break;
			}
			move(child, i);
			i = child;
		}
		set(i, time, sequence, kind, payload);
	}

	private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
		return time < otherTime || (time == otherTime && sequence < otherSequence);
	}

	private void move(int from, int to) {
		this.times[to] = this.times[from];
		this.sequences[to] = this.sequences[from];
		this.kinds[to] = this.kinds[from];
		this.payloads[to] = this.payloads[from];
	}

	private void set(int i, long time, long sequence, int kind, long payload) {
		this.times[i] = time;
		this.sequences[i] = sequence;
		this.kinds[i] = kind;
		this.payloads[i] = payload;
	}

	private void grow() {
		int capacity = this.times.length * 2;
		this.times = Arrays.copyOf(this.times, capacity);
		this.sequences = Arrays.copyOf(this.sequences, capacity);
		this.kinds = Arrays.copyOf(this.kinds, capacity);
		this.payloads = Arrays.copyOf(this.payloads, capacity);
	}

}
