package io.trafficlab.engine.endpoint;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

import com.carrotsearch.hppc.ObjectHashSet;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * Some endpoints of one Service, in the Service's endpoint order. Nodes that compute the
 * same set share the same instance, so callers may group nodes by identity
 * ({@link java.util.IdentityHashMap}) instead of comparing contents. A set is a slice of
 * a positions array shared with other sets, so building one per node costs one small
 * object.
 */
public final class EndpointSet {

	private static final EndpointSet EMPTY = new EndpointSet(List.of(), new int[0], 0, 0);

	private final List<Endpoint> all;

	private final int[] positions;

	private final int offset;

	private final int size;

	private @Nullable List<Endpoint> endpoints;

	private @Nullable List<String> sortedIpsView;

	private volatile @Nullable List<String> sortedIps;

	private EndpointSet(List<Endpoint> all, int[] positions, int offset, int size) {
		this.all = all;
		this.positions = positions;
		this.offset = offset;
		this.size = size;
	}

	/** The shared empty set. */
	public static EndpointSet empty() {
		return EMPTY;
	}

	/**
	 * The endpoints of {@code all} (a random-access list) at
	 * {@code positions[offset, offset + size)}.
	 */
	static EndpointSet of(List<Endpoint> all, int[] positions, int offset, int size) {
		return (size == 0) ? EMPTY : new EndpointSet(all, positions, offset, size);
	}

	/** The endpoints of {@code all} at every one of {@code positions}. */
	static EndpointSet of(List<Endpoint> all, int[] positions) {
		return of(all, positions, 0, positions.length);
	}

	/** The endpoints, as an unmodifiable view. */
	public List<Endpoint> endpoints() {
		List<Endpoint> result = this.endpoints;
		if (result == null) {
			result = new EndpointsView();
			this.endpoints = result;
		}
		return result;
	}

	public int size() {
		return this.size;
	}

	public boolean isEmpty() {
		return this.size == 0;
	}

	/**
	 * Where the {@code index}-th endpoint of this set stands in the Service's endpoint
	 * list.
	 */
	public int position(int index) {
		return this.positions[this.offset + index];
	}

	/** The {@code index}-th endpoint. */
	public Endpoint get(int index) {
		return this.all.get(position(index));
	}

	/**
	 * The endpoint IPs in address order ({@link IpAddress#TEXT_ORDER}): an unmodifiable
	 * list that sorts on first access to an element (its size is known without sorting),
	 * shared by every node that uses this set.
	 */
	public List<String> sortedIps() {
		List<String> result = this.sortedIpsView;
		if (result == null) {
			result = new SortedIpsView();
			this.sortedIpsView = result;
		}
		return result;
	}

	/**
	 * The number of distinct IPs in this set.
	 * @param ipHashes the hash of each endpoint's IP, by position in the Service's list
	 */
	int distinctIpCount(int[] ipHashes) {
		if (this.size > 32) {
			ObjectHashSet<String> ips = new ObjectHashSet<>(this.size);
			for (int i = 0; i < this.size; i++) {
				ips.add(get(i).ip());
			}
			return ips.size();
		}
		// pairs are compared by hash, and by text only when the hashes are equal
		int distinct = 0;
		for (int i = 0; i < this.size; i++) {
			int hash = ipHashes[position(i)];
			boolean seenBefore = false;
			for (int j = 0; j < i && !seenBefore; j++) {
				seenBefore = ipHashes[position(j)] == hash && get(j).ip().equals(get(i).ip());
			}
			distinct += seenBefore ? 0 : 1;
		}
		return distinct;
	}

	private List<String> sorted() {
		List<String> result = this.sortedIps;
		if (result == null) {
			result = sortIps();
			this.sortedIps = result;
		}
		return result;
	}

	private List<String> sortIps() {
		SortKey[] keys = new SortKey[this.size];
		for (int i = 0; i < keys.length; i++) {
			String ip = get(i).ip();
			keys[i] = new SortKey(ip, IpAddress.tryParse(ip));
		}
		Arrays.sort(keys);
		List<String> ips = new ArrayList<>(keys.length);
		for (SortKey key : keys) {
			ips.add(key.ip);
		}
		return Collections.unmodifiableList(ips);
	}

	@Override
	public String toString() {
		return sortedIps().toString();
	}

	/** The endpoints, read through the positions. */
	private final class EndpointsView extends AbstractList<Endpoint> implements RandomAccess {

		@Override
		public Endpoint get(int index) {
			if (index < 0 || index >= EndpointSet.this.size) {
				throw new IndexOutOfBoundsException(index);
			}
			return EndpointSet.this.get(index);
		}

		@Override
		public int size() {
			return EndpointSet.this.size;
		}

	}

	/** The sorted IPs, sorted on first access to an element. */
	private final class SortedIpsView extends AbstractList<String> implements RandomAccess {

		@Override
		public String get(int index) {
			return sorted().get(index);
		}

		@Override
		public int size() {
			return EndpointSet.this.size;
		}

	}

	/** An IP parsed once, so that sorting does not parse on every comparison. */
	private static final class SortKey implements Comparable<SortKey> {

		private final String ip;

		private final @Nullable IpAddress address;

		SortKey(String ip, @Nullable IpAddress address) {
			this.ip = ip;
			this.address = address;
		}

		@Override
		public int compareTo(SortKey other) {
			if (this.address != null && other.address != null) {
				int byAddress = this.address.compareTo(other.address);
				return (byAddress != 0) ? byAddress : this.ip.compareTo(other.ip);
			}
			if (this.address != null || other.address != null) {
				return (this.address != null) ? -1 : 1;
			}
			return this.ip.compareTo(other.ip);
		}

	}

}
