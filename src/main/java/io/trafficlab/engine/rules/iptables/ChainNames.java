package io.trafficlab.engine.rules.iptables;

import io.trafficlab.engine.rules.ChainHashCache;

/**
 * kube-proxy's per-Service chain names: the first 16 characters of the base32
 * ({@code StdEncoding}) of a SHA-256 over the service port name and the lower-case
 * protocol ({@code portProtoHash}), plus the endpoint {@code ip:port} for
 * {@code KUBE-SEP-} ({@code servicePortEndpointChainName}). One instance per writer,
 * shared by its threads: the hashes are cached ({@link ChainHashCache}).
 */
final class ChainNames {

	/** 16 base32 characters carry 80 bits: the first 10 bytes of the digest. */
	private static final int HASH_CHARS = 16;

	private final ChainHashCache hashes;

	ChainNames(int capacity) {
		this.hashes = new ChainHashCache(HASH_CHARS, capacity);
	}

	/** {@code portProtoHash(servicePortName, protocol)}. */
	String portProtoHash(String servicePortName, String protocol) {
		return this.hashes.of(servicePortName + protocol);
	}

	/** {@code KUBE-SEP-…} for one endpoint {@code ip:port} of a service port. */
	String endpointChain(String servicePortName, String protocol, String endpoint) {
		return "KUBE-SEP-" + this.hashes.of(servicePortName + protocol + endpoint);
	}

}
