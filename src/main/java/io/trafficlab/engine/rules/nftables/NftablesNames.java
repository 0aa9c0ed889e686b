package io.trafficlab.engine.rules.nftables;

import io.trafficlab.engine.rules.ChainHash;

/**
 * kube-proxy's nftables names for a service port's chains and sets
 * ({@code servicePortChainNameBase}, {@code servicePortEndpointChainNameBase},
 * {@code hashAndTruncate}): the first 8 characters of the base32 of the name's SHA-256, a
 * hyphen and the name, cut to 240 characters with {@code ...} when longer. One instance
 * reuses one digest: use it for one transaction at a time.
 */
final class NftablesNames {

	/** nftables' 256-character limit less the longest prefix ({@code endpoint-}) kept. */
	static final int BASE_LENGTH_MAX = 256 - 16;

	/** The hash's length in a name. */
	private static final int HASH_CHARS = 8;

	private final ChainHash hash = new ChainHash();

	/** {@code ns/name/protocol/portName}, hashed: the base of a service port's chains. */
	String servicePortBase(String namespace, String name, String protocol, String portName) {
		return hashAndTruncate(namespace + "/" + name + "/" + protocol + "/" + portName);
	}

	/**
	 * The base of an endpoint's chain and affinity set: the service port's, then
	 * {@code __ip/port}.
	 */
	String endpointBase(String namespace, String name, String protocol, String portName, String ip, int port) {
		// IPv6 colons are not allowed in chain names
		String safeIp = ip.replace(':', '.');
		return hashAndTruncate(namespace + "/" + name + "/" + protocol + "/" + portName + "__" + safeIp + "/" + port);
	}

	String hashAndTruncate(String name) {
		String hashed = this.hash.of(name, HASH_CHARS) + "-" + name;
		if (hashed.length() > BASE_LENGTH_MAX) {
			return hashed.substring(0, BASE_LENGTH_MAX - 3) + "...";
		}
		return hashed;
	}

}
