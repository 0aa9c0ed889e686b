package io.trafficlab.engine.cluster;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deterministic pod names in the shapes the controllers use: {@code web-7c5d9b8f4c-x2x9k}
 * for a Deployment's pods (a ReplicaSet name with a 10-character template hash, then 5
 * random-looking characters), {@code web-x2x9k} for a ReplicaSet's or DaemonSet's,
 * {@code web-0} for a StatefulSet's. The characters come from the alphabet Kubernetes
 * uses for generated names, which has no vowels; here they are derived from hashes
 * instead of a random source.
 */
final class PodNames {

	private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

	private final Set<String> used = new HashSet<>();

	/** Marks a declared pod's name as taken. */
	void reserve(String namespace, String name) {
		this.used.add(namespace + "/" + name);
	}

	/** The {@code pod-template-hash} of a Deployment's pod template: 10 characters. */
	static String templateHash(DeclaredWorkload deployment) {
		StringBuilder template = new StringBuilder(deployment.namespace()).append('/').append(deployment.name());
		new TreeMap<>(deployment.templateLabels())
			.forEach((key, value) -> template.append(';').append(key).append('=').append(value));
		new TreeMap<>(deployment.scheduling().nodeSelector())
			.forEach((key, value) -> template.append(";node:").append(key).append('=').append(value));
		String digits = String.format("%010d", hash(template.toString()));
		StringBuilder encoded = new StringBuilder(10);
		for (int i = 0; i < digits.length(); i++) {
			encoded.append(ALPHABET.charAt(digits.charAt(i) % ALPHABET.length()));
		}
		return encoded.toString();
	}

	/**
	 * {@code <prefix>-<5 characters>}, unique in the namespace, derived from the prefix
	 * and a seed.
	 */
	String generated(String namespace, String prefix, String seed) {
		for (int attempt = 0;; attempt++) {
			long hash = hash(prefix + "/" + seed + "/" + attempt);
			StringBuilder name = new StringBuilder(prefix).append('-');
			for (int i = 0; i < 5; i++) {
				name.append(ALPHABET.charAt((int) (hash % ALPHABET.length())));
				hash /= ALPHABET.length();
			}
			if (this.used.add(namespace + "/" + name)) {
				return name.toString();
			}
		}
	}

	/** {@code <prefix>-<ordinal>}, as a StatefulSet names its pods. */
	String ordinal(String namespace, String prefix, int ordinal) {
		String name = prefix + "-" + ordinal;
		this.used.add(namespace + "/" + name);
		return name;
	}

	/** FNV-1a, 32 bits, unsigned. */
	private static long hash(String text) {
		long hash = 0x811c9dc5L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash = (hash * 0x01000193L) & 0xffffffffL;
		}
		return hash;
	}

}
