package io.trafficlab.engine.apiserver;

import java.nio.charset.StandardCharsets;

/**
 * FNV-1a, 32 bits: a tiny, stable hash that gives allocations a deterministic starting
 * point.
 */
final class Fnv {

	private Fnv() {
	}

	/** The unsigned 32-bit FNV-1a hash of the text's UTF-8 bytes. */
	static long hash32(String text) {
		long hash = 0x811c9dc5L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash = (hash * 0x01000193L) & 0xffffffffL;
		}
		return hash;
	}

}
