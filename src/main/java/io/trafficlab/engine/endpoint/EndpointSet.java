package io.trafficlab.engine.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.trafficlab.engine.model.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * Some endpoints of one Service, in the Service's endpoint order. Nodes that compute the same set share the same
 * instance, so callers may group nodes by identity ({@link java.util.IdentityHashMap}) instead of comparing contents.
 */
public final class EndpointSet {

	static final EndpointSet EMPTY = new EndpointSet(List.of(), new int[0]);

	private final List<Endpoint> endpoints;

	private final int[] positions;

	private volatile @Nullable List<String> sortedIps;

	private EndpointSet(List<Endpoint> endpoints, int[] positions) {
		this.endpoints = endpoints;
		this.positions = positions;
	}

	/** The shared empty set. */
	public static EndpointSet empty() {
		return EMPTY;
	}

	/** The endpoints of {@code all} at the given positions, or the shared empty set. */
	static EndpointSet of(List<Endpoint> all, int[] positions) {
		if (positions.length == 0) {
			return EMPTY;
		}
		List<Endpoint> endpoints = new ArrayList<>(positions.length);
		for (int position : positions) {
			endpoints.add(all.get(position));
		}
		return new EndpointSet(Collections.unmodifiableList(endpoints), positions);
	}

	public List<Endpoint> endpoints() {
		return this.endpoints;
	}

	public int size() {
		return this.positions.length;
	}

	public boolean isEmpty() {
		return this.positions.length == 0;
	}

	/** Where the {@code index}-th endpoint of this set stands in the Service's endpoint list. */
	public int position(int index) {
		return this.positions[index];
	}

	/** The endpoint IPs in address order ({@link IpAddress#TEXT_ORDER}), computed once. */
	public List<String> sortedIps() {
		List<String> result = this.sortedIps;
		if (result == null) {
			result = sortIps(this.endpoints);
			this.sortedIps = result;
		}
		return result;
	}

	private static List<String> sortIps(List<Endpoint> endpoints) {
		SortKey[] keys = new SortKey[endpoints.size()];
		for (int i = 0; i < keys.length; i++) {
			String ip = endpoints.get(i).ip();
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
