package io.trafficlab.engine.apiserver;

import java.util.HashSet;
import java.util.Set;

import io.trafficlab.engine.net.Ipv4;

/**
 * The sandbox's cloud: gives each LoadBalancer Service that has no ingress yet the lowest
 * free address from 198.51.100.10 upward (a documentation range, RFC 5737), skipping
 * addresses other Services already show.
 */
final class LoadBalancerIpPool {

	static final String FIRST = "198.51.100.10";

	private static final long START = Ipv4.parse(FIRST);

	private final Set<Long> taken;

	/** No address below this one is free: where the next search starts. */
	private long searchFrom;

	LoadBalancerIpPool() {
		this.taken = new HashSet<>();
		this.searchFrom = START;
	}

	boolean isReserved(String ip) {
		return Ipv4.isValid(ip) && this.taken.contains(Ipv4.parse(ip));
	}

	/** Marks an address as in use (a Service's status shows it). */
	void reserve(String ip) {
		if (Ipv4.isValid(ip)) {
			this.taken.add(Ipv4.parse(ip));
		}
	}

	void release(String ip) {
		if (Ipv4.isValid(ip)) {
			long address = Ipv4.parse(ip);
			this.taken.remove(address);
			if (address >= START && address < this.searchFrom) {
				this.searchFrom = address;
			}
		}
	}

	String next() {
		long address = this.searchFrom;
		while (this.taken.contains(address)) {
			address++;
		}
		this.taken.add(address);
		this.searchFrom = address + 1;
		return Ipv4.format(address);
	}

}
