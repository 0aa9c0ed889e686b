package io.trafficlab.engine.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ChainHash} behind a bounded cache of hashes by their hashed text, safe for
 * several threads at once: a writer keeps one for its lifetime, so an endpoint's chain
 * name is hashed once, as kube-proxy computes it once when it learns of the endpoint
 * ({@code newEndpointInfo} sets {@code ChainName} in
 * {@code pkg/proxy/iptables/proxier.go}; the nftables proxier likewise), not on every
 * sync. When full, the oldest entry goes.
 */
public final class ChainHashCache {

	/** Room for every endpoint of a 50,000-pod cluster, twice over. */
	public static final int DEFAULT_CAPACITY = 100_000;

	private final int chars;

	/** Guarded by {@code this}, like {@link #hash}. */
	private final Map<String, String> hashes;

	private final ChainHash hash = new ChainHash();

	/**
	 * Keeps up to {@code capacity} hashes of {@code chars} characters each.
	 */
	public ChainHashCache(int chars, int capacity) {
		this.chars = chars;
		this.hashes = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * {@link ChainHash#of}: the first characters of the base32 SHA-256 of {@code text}.
	 */
	public synchronized String of(String text) {
		String found = this.hashes.get(text);
		if (found == null) {
			found = this.hash.of(text, this.chars);
			this.hashes.put(text, found);
		}
		return found;
	}

	/** How many hashes it holds. */
	public synchronized int size() {
		return this.hashes.size();
	}

}
