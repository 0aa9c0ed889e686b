package io.trafficlab.engine.balancer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * MetalLB layer 2's choice of the one node that announces an LB IP
 * ({@code speaker/layer2_controller.go} {@code ShouldAnnounce}): candidates are ordered
 * by {@code sha256.Sum256([]byte(node + "#" + ip))} compared with {@code bytes.Compare}
 * (unsigned, lexicographic), and the first announces. One digest per candidate and a
 * minimum scan, no sort. The {@code preferredNodeSelectors} scores of MetalLB after
 * v0.16.1 are not modelled (without them the order is the pure hash).
 */
public final class L2Election {

	private L2Election() {
	}

	/**
	 * The index in {@code candidates} of the node that announces {@code ip}, or
	 * {@code -1} when there is no candidate.
	 * @param ip the Service's first LB IP in its canonical dotted (or IPv6) form
	 */
	public static int winner(List<String> candidates, String ip) {
		MessageDigest sha256 = sha256();
		int best = -1;
		byte[] bestHash = null;
		for (int i = 0; i < candidates.size(); i++) {
			byte[] hash = sha256.digest((candidates.get(i) + "#" + ip).getBytes(StandardCharsets.UTF_8));
			if (bestHash == null || Arrays.compareUnsigned(hash, bestHash) < 0) {
				best = i;
				bestHash = hash;
			}
		}
		return best;
	}

	/** The first {@code bytes} bytes of a node's hash for {@code ip}, in hex. */
	public static String hashPrefix(String node, String ip, int bytes) {
		byte[] hash = sha256().digest((node + "#" + ip).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(hash, 0, bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
