package io.trafficlab.engine.rules.nftables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private final MessageDigest sha256;

	NftablesNames() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

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
		String hashed = base32Prefix(sha256(name)) + "-" + name;
		if (hashed.length() > BASE_LENGTH_MAX) {
			return hashed.substring(0, BASE_LENGTH_MAX - 3) + "...";
		}
		return hashed;
	}

	/**
	 * The first 8 characters of the standard base32 encoding: exactly the first 5 bytes.
	 */
	private static String base32Prefix(byte[] bytes) {
		long bits = 0;
		for (int i = 0; i < 5; i++) {
			bits = (bits << 8) | (bytes[i] & 0xFF);
		}
		char[] out = new char[8];
		for (int i = 7; i >= 0; i--) {
			out[i] = BASE32[(int) (bits & 31)];
			bits >>>= 5;
		}
		return new String(out);
	}

	private byte[] sha256(String text) {
		return this.sha256.digest(text.getBytes(StandardCharsets.UTF_8));
	}

}
