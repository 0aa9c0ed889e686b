package io.trafficlab.engine.endpoint;

import java.util.List;

import io.trafficlab.engine.model.Endpoint;

/**
 * Which endpoints of a list are the first with their IP, for sets too large to compare
 * pairwise: an open-addressing table of positions keyed by the IP's hash, so a large
 * Service's pass allocates one {@code int[]} instead of a hash-set entry per endpoint.
 * The text of two IPs is compared only when their hashes are equal.
 */
public final class DistinctIps {

	private final List<Endpoint> endpoints;

	/** Position + 1 of the first endpoint with each IP; 0 is an empty slot. */
	private final int[] slots;

	private final int mask;

	private int count;

	/**
	 * @param capacity how many endpoints will be offered at the most
	 */
	public DistinctIps(List<Endpoint> endpoints, int capacity) {
		this.endpoints = endpoints;
		this.slots = new int[Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2];
		this.mask = this.slots.length - 1;
	}

	/**
	 * Adds the endpoint at {@code position}; whether it is the first with its IP.
	 */
	public boolean add(int position) {
		String ip = this.endpoints.get(position).ip();
		int hash = ip.hashCode();
		int slot = (hash ^ (hash >>> 16)) & this.mask;
		while (this.slots[slot] != 0) {
			String other = this.endpoints.get(this.slots[slot] - 1).ip();
			if (other.hashCode() == hash && other.equals(ip)) {
				return false;
			}
			slot = (slot + 1) & this.mask;
		}
		this.slots[slot] = position + 1;
		this.count++;
		return true;
	}

	/** How many distinct IPs were added. */
	public int count() {
		return this.count;
	}

}
