package io.trafficlab.engine.apiserver;

import java.util.BitSet;

/**
 * The node port range 30000-32767 (kube-apiserver's default
 * {@code --service-node-port-range}). Like kube-apiserver, dynamic allocation prefers the
 * upper part of the range and keeps the lowest ports (30000-30085) for explicit requests.
 * Unlike it, the choice is deterministic: each allocation starts at a position hashed
 * from a key (the Service and port), so a Service keeps the same ports whatever else is
 * in the cluster, and probes upward from there.
 */
final class NodePortAllocator {

	static final int FIRST = 30000;

	static final int LAST = 32767;

	private static final int SIZE = LAST - FIRST + 1;

	/** kube-apiserver's static band: size/32, at least 16, at most 128 ports. */
	private static final int STATIC_BAND = Math.min(Math.max(SIZE / 32, 16), 128);

	private final BitSet taken;

	private final BitSet avoided;

	NodePortAllocator() {
		this.taken = new BitSet(SIZE);
		this.avoided = new BitSet(SIZE);
	}

	/** Reserves a requested port. */
	void allocate(int port) {
		if (port < FIRST || port > LAST) {
			throw new AllocationException(
					"provided port is not in the valid range. The range of valid ports is " + FIRST + "-" + LAST);
		}
		if (this.taken.get(port - FIRST)) {
			throw new AllocationException("provided port is already allocated");
		}
		this.taken.set(port - FIRST);
	}

	/** Hands out a free port, deterministically for the key. */
	int allocateNext(String key) {
		int dynamicSize = SIZE - STATIC_BAND;
		int start = (int) (Fnv.hash32(key) % dynamicSize);
		int found = firstFree(STATIC_BAND, dynamicSize, start, true);
		if (found < 0) {
			found = firstFree(0, STATIC_BAND, 0, true);
		}
		if (found < 0) {
			found = firstFree(0, SIZE, 0, false);
		}
		if (found < 0) {
			throw new AllocationException("range is full");
		}
		this.taken.set(found);
		return FIRST + found;
	}

	/** Frees a port; ports outside the range are ignored. */
	void release(int port) {
		if (port >= FIRST && port <= LAST) {
			this.taken.clear(port - FIRST);
		}
	}

	/**
	 * Keeps a port out of dynamic allocation (it is requested by a Service created
	 * later).
	 */
	void avoid(int port) {
		if (port >= FIRST && port <= LAST) {
			this.avoided.set(port - FIRST);
		}
	}

	boolean isTaken(int port) {
		return port >= FIRST && port <= LAST && this.taken.get(port - FIRST);
	}

	private int firstFree(int bandStart, int bandSize, int offset, boolean skipAvoided) {
		for (int i = 0; i < bandSize; i++) {
			int index = bandStart + (offset + i) % bandSize;
			if (!this.taken.get(index) && !(skipAvoided && this.avoided.get(index))) {
				return index;
			}
		}
		return -1;
	}

}
