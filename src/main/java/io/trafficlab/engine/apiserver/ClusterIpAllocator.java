package io.trafficlab.engine.apiserver;

import java.util.HashSet;
import java.util.Set;

import io.trafficlab.engine.net.Ipv4;

/**
 * ClusterIPs from the service range 10.96.0.0/12 (the usual
 * {@code --service-cluster-ip-range}). Dynamic allocation skips kube-apiserver's static
 * band (the first 256 addresses, where 10.96.0.1 and 10.96.0.10 live) and starts at a
 * position hashed from the Service's namespace and name, probing upward. A requested
 * address is accepted anywhere, because manifests exported from a real cluster carry
 * addresses from that cluster's own range; only a duplicate is rejected.
 */
final class ClusterIpAllocator {

	static final String RANGE = "10.96.0.0/12";

	private static final long NETWORK = Ipv4.parse("10.96.0.0");

	private static final long USABLE = (1L << 20) - 2;

	private static final long STATIC_BAND = Math.min(Math.max(USABLE / 16, 16), 256);

	private final Set<Long> taken;

	private final Set<Long> avoided;

	ClusterIpAllocator() {
		this.taken = new HashSet<>();
		this.avoided = new HashSet<>();
	}

	/** Reserves a requested address. */
	void allocate(String ip) {
		if (!this.taken.add(Ipv4.parse(ip))) {
			throw new AllocationException("provided IP is already allocated");
		}
	}

	/** Hands out a free address, deterministically for the key. */
	String allocateNext(String key) {
		long dynamicSize = USABLE - STATIC_BAND;
		long start = Fnv.hash32(key) % dynamicSize;
		for (long i = 0; i < dynamicSize; i++) {
			long address = NETWORK + 1 + STATIC_BAND + (start + i) % dynamicSize;
			if (!this.taken.contains(address) && !this.avoided.contains(address)) {
				this.taken.add(address);
				return Ipv4.format(address);
			}
		}
		throw new AllocationException("range is full");
	}

	void release(String ip) {
		if (Ipv4.isValid(ip)) {
			this.taken.remove(Ipv4.parse(ip));
		}
	}

	boolean isTaken(String ip) {
		return Ipv4.isValid(ip) && this.taken.contains(Ipv4.parse(ip));
	}

	void avoid(String ip) {
		if (Ipv4.isValid(ip)) {
			this.avoided.add(Ipv4.parse(ip));
		}
	}

}
