package io.trafficlab.engine.balancer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.carrotsearch.hppc.IntHashSet;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * The addresses a load balancer's own address must avoid ({@link LoadBalancerAddresses}):
 * the clients', the nodes' and their bridges', and every pod CIDR. Read without building
 * a set of every node's address: the text of each is only hashed (its hash is kept in the
 * string), and compared when a candidate's hash matches; a pod CIDR is parsed only when
 * it could hold an address whose first byte is the candidates' (it is IPv4 with that
 * first byte, or a prefix shorter than 8 bits).
 */
final class TakenAddresses {

	private final List<Node> nodes;

	private final Collection<String> clientIps;

	private final IntHashSet hashes = new IntHashSet();

	private final List<Cidr> podCidrs = new ArrayList<>();

	/**
	 * The first byte (as text, with its dot) the parsed pod CIDRs were chosen for;
	 * {@code ""}: all were parsed.
	 */
	private @Nullable String podCidrsFirstByte;

	TakenAddresses(List<Node> nodes, Collection<String> clientIps) {
		this.nodes = nodes;
		this.clientIps = clientIps;
		for (String ip : clientIps) {
			this.hashes.add(ip.hashCode());
		}
		for (Node node : nodes) {
			this.hashes.add(node.internalIp().hashCode());
			this.hashes.add(node.bridgeIp().hashCode());
		}
	}

	boolean contains(IpAddress candidate) {
		String text = candidate.toString();
		return (this.hashes.contains(text.hashCode()) && usedByName(text)) || inPodCidr(candidate, text);
	}

	private boolean usedByName(String text) {
		if (this.clientIps.contains(text)) {
			return true;
		}
		for (Node node : this.nodes) {
			if (node.internalIp().equals(text) || node.bridgeIp().equals(text)) {
				return true;
			}
		}
		return false;
	}

	private boolean inPodCidr(IpAddress candidate, String text) {
		String firstByte = candidate.isIpv4() ? text.substring(0, text.indexOf('.') + 1) : "";
		if (!"".equals(this.podCidrsFirstByte) && !firstByte.equals(this.podCidrsFirstByte)) {
			parsePodCidrs(firstByte);
		}
		for (Cidr cidr : this.podCidrs) {
			if (cidr.contains(candidate)) {
				return true;
			}
		}
		return false;
	}

	private void parsePodCidrs(String firstByte) {
		this.podCidrs.clear();
		this.podCidrsFirstByte = firstByte;
		for (Node node : this.nodes) {
			String text = node.podCidr();
			if (firstByte.isEmpty() || mayHoldFirstByte(text, firstByte)) {
				Cidr cidr = Cidr.tryParse(text);
				if (cidr != null) {
					this.podCidrs.add(cidr);
				}
			}
		}
	}

	/**
	 * Whether a CIDR's text could hold an IPv4 address starting with {@code firstByte}
	 * (such as {@code "172."}): false only for a prefix of at least 8 bits whose text
	 * does not start with it.
	 */
	private static boolean mayHoldFirstByte(String text, String firstByte) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		if (slash < 0 || slash == trimmed.length() - 1) {
			return trimmed.startsWith(firstByte);
		}
		int prefixLength = 0;
		for (int i = slash + 1; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c < '0' || c > '9' || prefixLength > 128) {
				return true;
			}
			prefixLength = prefixLength * 10 + (c - '0');
		}
		return prefixLength < 8 || trimmed.startsWith(firstByte);
	}

}
