package io.trafficlab.engine.simulation;

import java.util.Arrays;

/**
 * The connections in flight, one entry each from arrival until the reply reaches the
 * client: enough to cut them when their pod or node goes away. Entries live in parallel
 * primitive arrays with a free list; a queued completion names its entry by slot and
 * generation ({@link #ticket}), so an entry that was cut and reused is not completed
 * twice.
 */
final class Conntrack {

	private long[] connection = new long[64];

	private int[] client = new int[64];

	private int[] pod = new int[64];

	private int[] entryNode = new int[64];

	private int[] generation = new int[64];

	private boolean[] open = new boolean[64];

	private int[] free = new int[64];

	private int freeCount;

	private int highWater;

	private int size;

	/** Opens an entry; returns its ticket for the completion event. */
	long open(long connectionId, int clientIndex, int podSlot, int nodeId) {
		int slot;
		if (this.freeCount > 0) {
			slot = this.free[--this.freeCount];
		}
		else {
			if (this.highWater == this.connection.length) {
				grow();
			}
			slot = this.highWater++;
		}
		this.connection[slot] = connectionId;
		this.client[slot] = clientIndex;
		this.pod[slot] = podSlot;
		this.entryNode[slot] = nodeId;
		this.open[slot] = true;
		this.size++;
		return ticket(slot);
	}

	private long ticket(int slot) {
		return ((long) this.generation[slot] << 32) | slot;
	}

	/** The slot of an open entry for the ticket, or -1 when it was already closed. */
	int slotOf(long ticket) {
		int slot = (int) ticket;
		int gen = (int) (ticket >>> 32);
		return (slot < this.highWater && this.open[slot] && this.generation[slot] == gen) ? slot : -1;
	}

	void close(int slot) {
		this.open[slot] = false;
		this.generation[slot]++;
		if (this.freeCount == this.free.length) {
			this.free = Arrays.copyOf(this.free, this.free.length * 2);
		}
		this.free[this.freeCount++] = slot;
		this.size--;
	}

	int size() {
		return this.size;
	}

	/**
	 * One past the highest slot ever used: scan {@code [0, limit())} with
	 * {@link #isOpen}.
	 */
	int limit() {
		return this.highWater;
	}

	boolean isOpen(int slot) {
		return this.open[slot];
	}

	long connection(int slot) {
		return this.connection[slot];
	}

	int client(int slot) {
		return this.client[slot];
	}

	int pod(int slot) {
		return this.pod[slot];
	}

	int entryNode(int slot) {
		return this.entryNode[slot];
	}

	private void grow() {
		int capacity = this.connection.length * 2;
		this.connection = Arrays.copyOf(this.connection, capacity);
		this.client = Arrays.copyOf(this.client, capacity);
		this.pod = Arrays.copyOf(this.pod, capacity);
		this.entryNode = Arrays.copyOf(this.entryNode, capacity);
		this.generation = Arrays.copyOf(this.generation, capacity);
		this.open = Arrays.copyOf(this.open, capacity);
	}

}
