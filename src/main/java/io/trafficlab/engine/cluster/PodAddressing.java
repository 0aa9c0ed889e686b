package io.trafficlab.engine.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.net.Ipv4;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.Ipv4Block;

/**
 * Gives the pods the sandbox runs an IP from their node's pod CIDR: {@code .10},
 * {@code .11}, ... in placement order, skipping addresses declared pods already have.
 */
final class PodAddressing {

	private static final int FIRST_HOST = 10;

	private PodAddressing() {
	}

	static void assign(List<PodDraft> pods, List<Node> nodes, List<String> warnings) {
		Set<Long> used = new HashSet<>();
		for (PodDraft pod : pods) {
			if (pod.ip != null) {
				if (Ipv4.isValid(pod.ip)) {
					used.add(Ipv4.parse(pod.ip));
				}
				else {
					warnings.add("Pod " + pod.namespace + "/" + pod.name + " has IP \"" + pod.ip
							+ "\", which is not an IPv4 address; it is not used as an endpoint.");
					pod.ip = null;
				}
			}
		}
		Map<String, Ipv4Block> cidrByNode = new HashMap<>();
		Map<String, Long> nextByNode = new HashMap<>();
		for (Node node : nodes) {
			Ipv4Block cidr = Ipv4Block.parse(node.podCidr());
			if (cidr != null) {
				cidrByNode.put(node.name(), cidr);
				nextByNode.put(node.name(), cidr.network() + FIRST_HOST);
			}
		}
		for (PodDraft pod : pods) {
			if (pod.ip != null || pod.nodeName == null || !pod.sandboxManaged) {
				continue;
			}
			Ipv4Block cidr = cidrByNode.get(pod.nodeName);
			if (cidr == null) {
				continue;
			}
			long address = nextByNode.get(pod.nodeName);
			while (used.contains(address)) {
				address++;
			}
			if (address >= cidr.last()) {
				warnings.add("Node " + pod.nodeName + " has no free address left in its pod CIDR " + cidr + " for pod "
						+ pod.namespace + "/" + pod.name + ".");
				continue;
			}
			used.add(address);
			nextByNode.put(pod.nodeName, address + 1);
			pod.ip = Ipv4.format(address);
		}
	}

}
