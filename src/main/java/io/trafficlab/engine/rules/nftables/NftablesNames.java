package io.trafficlab.engine.rules.nftables;

import io.trafficlab.engine.rules.ChainHashCache;

/**
 * kube-proxy's nftables names for a service port's chains and sets
 * ({@code servicePortChainNameBase}, {@code servicePortEndpointChainNameBase},
 * {@code hashAndTruncate}): the first 8 characters of the base32 of the name's SHA-256, a
 * hyphen and the name, cut to 240 characters with {@code ...} when longer. One instance
 * per writer, shared by its threads: the hashes are cached ({@link ChainHashCache}).
 */
final class NftablesNames {

	/** nftables' 256-character limit less the longest prefix ({@code endpoint-}) kept. */
	static final int BASE_LENGTH_MAX = 256 - 16;

	/** The hash's length in a name. */
	private static final int HASH_CHARS = 8;

	private final ChainHashCache hashes;

	NftablesNames() {
		this(ChainHashCache.DEFAULT_CAPACITY);
	}

	NftablesNames(int capacity) {
		this.hashes = new ChainHashCache(HASH_CHARS, capacity);
	}

	/** {@code ns/name/protocol/portName}: the name a service port's bases hash. */
	static String servicePortName(String namespace, String name, String protocol, String portName) {
		return namespace + "/" + name + "/" + protocol + "/" + portName;
	}

	/** The hashed {@link #servicePortName}: the base of a service port's chains. */
	String servicePortBase(String namespace, String name, String protocol, String portName) {
		return hashAndTruncate(servicePortName(namespace, name, protocol, portName));
	}

	/**
	 * The base of an endpoint's chain and affinity set: the service port's, then
	 * {@code __ip/port}.
	 */
	String endpointBase(String namespace, String name, String protocol, String portName, String ip, int port) {
		return endpointBase(servicePortName(namespace, name, protocol, portName), ip, port);
	}

	/** {@link #endpointBase(String, String, String, String, String, int)}. */
	String endpointBase(String servicePortName, String ip, int port) {
		// IPv6 colons are not allowed in chain names
		String safeIp = ip.replace(':', '.');
		return hashAndTruncate(servicePortName + "__" + safeIp + "/" + port);
	}

	String hashAndTruncate(String name) {
		String hashed = this.hashes.of(name) + "-" + name;
		if (hashed.length() > BASE_LENGTH_MAX) {
			return hashed.substring(0, BASE_LENGTH_MAX - 3) + "...";
		}
		return hashed;
	}

}
