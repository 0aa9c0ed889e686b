package io.trafficlab.engine.rules.iptables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * kube-proxy's per-Service chain names: the first 16 characters of the base32
 * ({@code StdEncoding}) of a SHA-256 over the service port name and the lower-case
 * protocol ({@code portProtoHash}), plus the endpoint {@code ip:port} for
 * {@code KUBE-SEP-} ({@code servicePortEndpointChainName}). One instance per write: it
 * keeps a digest.
 */
final class ChainNames {

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	/** 16 base32 characters carry 80 bits: the first 10 bytes of the digest. */
	private static final int HASH_CHARS = 16;

	private final MessageDigest sha256;

	ChainNames() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform provides SHA-256", ex);
		}
	}

	/** {@code portProtoHash(servicePortName, protocol)}. */
	String portProtoHash(String servicePortName, String protocol) {
		return hash(servicePortName + protocol);
	}

	/** {@code KUBE-SEP-…} for one endpoint {@code ip:port} of a service port. */
	String endpointChain(String servicePortName, String protocol, String endpoint) {
		return "KUBE-SEP-" + hash(servicePortName + protocol + endpoint);
	}

	private String hash(String text) {
		byte[] digest = this.sha256.digest(text.getBytes(StandardCharsets.UTF_8));
		char[] out = new char[HASH_CHARS];
		int buffer = 0;
		int bits = 0;
		int next = 0;
		for (int i = 0; next < HASH_CHARS; i++) {
			buffer = (buffer << 8) | (digest[i] & 0xff);
			bits += 8;
			while (bits >= 5 && next < HASH_CHARS) {
				out[next++] = BASE32[(buffer >> (bits - 5)) & 0x1f];
				bits -= 5;
			}
		}
		return new String(out);
	}

}
