package io.trafficlab.engine.rules.iptables;

import io.trafficlab.engine.rules.ChainHash;

/**
 * kube-proxy's per-Service chain names: the first 16 characters of the base32
 * ({@code StdEncoding}) of a SHA-256 over the service port name and the lower-case
 * protocol ({@code portProtoHash}), plus the endpoint {@code ip:port} for
 * {@code KUBE-SEP-} ({@code servicePortEndpointChainName}). One instance per write: it
 * keeps a digest ({@link ChainHash}).
 */
final class ChainNames {

	/** 16 base32 characters carry 80 bits: the first 10 bytes of the digest. */
	private static final int HASH_CHARS = 16;

	private final ChainHash hash = new ChainHash();

	/** {@code portProtoHash(servicePortName, protocol)}. */
	String portProtoHash(String servicePortName, String protocol) {
		return this.hash.of(servicePortName + protocol, HASH_CHARS);
	}

	/** {@code KUBE-SEP-…} for one endpoint {@code ip:port} of a service port. */
	String endpointChain(String servicePortName, String protocol, String endpoint) {
		return "KUBE-SEP-" + this.hash.of(servicePortName + protocol + endpoint, HASH_CHARS);
	}

}
