package io.trafficlab.engine.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash in kube-proxy's chain names: the start of the standard base32 encoding of a
 * SHA-256 (iptables keeps 16 characters, nftables 8). One instance keeps one digest: use
 * it on one thread at a time.
 */
public final class ChainHash {

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private final MessageDigest sha256;

	public ChainHash() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform provides SHA-256", ex);
		}
	}

	/** The first {@code chars} base32 characters of the SHA-256 of {@code text}. */
	public String of(String text, int chars) {
		byte[] digest = this.sha256.digest(text.getBytes(StandardCharsets.UTF_8));
		char[] out = new char[chars];
		int buffer = 0;
		int bits = 0;
		int next = 0;
		for (int i = 0; next < chars; i++) {
			buffer = (buffer << 8) | (digest[i] & 0xff);
			bits += 8;
			while (bits >= 5 && next < chars) {
				out[next++] = BASE32[(buffer >> (bits - 5)) & 0x1f];
				bits -= 5;
			}
		}
		return new String(out);
	}

}
