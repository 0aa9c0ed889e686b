package io.trafficlab.engine.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.net.Ipv4;
import io.trafficlab.engine.apiserver.ObjectValidation;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.Ipv4Block;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;

import org.jspecify.annotations.Nullable;

/**
 * Decides which nodes the cluster has and fills in their addresses. Node {@code i}
 * (1-based, in declaration order) gets InternalIP 192.168.0.(10+i), counted on as a
 * 32-bit number, and pod CIDR the i-th /24 after 10.244.0.0 (node 1 gets 10.244.1.0/24),
 * continuing inside 10.0.0.0/8 and wrapping around it, skipping the Service range
 * 10.96.0.0/12 and every address or CIDR a declared node already uses. The pod bridge is
 * the first address of the pod CIDR.
 */
final class NodeLayout {

	static final String PROXY_HEALTHY_ANNOTATION = "trafficlab.io/kube-proxy-healthy";

	private static final String HOSTNAME = TopologySpreadConstraint.HOSTNAME;

	private static final String ZONE = TopologySpreadConstraint.ZONE;

	private static final long FIRST_NODE_IP = Ipv4.parse("192.168.0.10");

	private static final long TEN = Ipv4.parse("10.0.0.0");

	private static final int SLOTS = 1 << 16;

	private static final int FIRST_SLOT = 244 << 8;

	private static final int SERVICE_SLOTS_FROM = 96 << 8;

	private static final int SERVICE_SLOTS_TO = (112 << 8) - 1;

	private NodeLayout() {
	}

	/**
	 * The nodes of the cluster: the declared ones, then those pods or EndpointSlices run
	 * on that are not declared; with none of either, node-a, node-b and node-c in zones
	 * zone-a, zone-b and zone-c.
	 */
	static List<DeclaredNode> plan(ClusterDeclaration declaration, List<String> warnings) {
		List<DeclaredNode> nodes = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (DeclaredNode node : declaration.nodes()) {
			ObjectValidation.validateNode(node.name(), node.labels(), node.podCidr(), node.taints(), node.internalIp());
			if (!names.add(node.name())) {
				throw new InvalidObjectException(List.of("nodes \"" + node.name() + "\" already exists"));
			}
			nodes.add(node);
		}
		Map<String, @Nullable String> referenced = referencedNodes(declaration);
		List<String> added = new ArrayList<>();
		referenced.forEach((name, zone) -> {
			if (names.add(name)) {
				nodes.add(DeclaredNode.named(name, (zone != null) ? Map.of(ZONE, zone) : Map.of()));
				added.add(name);
			}
		});
		if (!added.isEmpty()) {
			warnings.add((declaration.nodes().isEmpty() ? "The manifests have no Nodes; " : "")
					+ "Traffic Lab adds the node(s) that pods or EndpointSlices run on but that are not in the "
					+ "manifests: " + Listing.of(added) + ".");
		}
		if (nodes.isEmpty()) {
			for (String letter : List.of("a", "b", "c")) {
				nodes.add(DeclaredNode.named("node-" + letter, Map.of(ZONE, "zone-" + letter)));
			}
			warnings.add("The manifests have no Nodes; Traffic Lab uses three nodes, node-a, node-b and node-c, "
					+ "in zones zone-a, zone-b and zone-c.");
		}
		ClusterLimits.checkNodes(nodes.size());
		return nodes;
	}

	/** The nodes with every address filled in. */
	static List<Node> address(List<DeclaredNode> declared, List<String> warnings) {
		Set<Long> usedIps = new HashSet<>();
		boolean[] usedSlots = new boolean[SLOTS];
		for (DeclaredNode node : declared) {
			if (node.internalIp() != null && Ipv4.isValid(node.internalIp())) {
				usedIps.add(Ipv4.parse(node.internalIp()));
			}
			Ipv4Block cidr = (node.podCidr() != null) ? Ipv4Block.parse(node.podCidr()) : null;
			if (cidr != null) {
				markSlots(cidr, usedSlots);
			}
		}
		List<Node> nodes = new ArrayList<>(declared.size());
		for (int i = 0; i < declared.size(); i++) {
			DeclaredNode node = declared.get(i);
			String internalIp = internalIp(node, i + 1, usedIps, warnings);
			Ipv4Block podCidr = podCidr(node, i + 1, usedSlots, warnings);
			Map<String, String> labels = new LinkedHashMap<>(node.labels());
			labels.putIfAbsent(HOSTNAME, node.name());
			String zone = labels.get(ZONE);
			nodes.add(new Node(node.name(), labels, (zone == null || zone.isEmpty()) ? null : zone, internalIp,
					podCidr.toString(), Ipv4.format(podCidr.network() + 1), node.taints(), node.deleting(),
					!"false".equals(node.annotations().get(PROXY_HEALTHY_ANNOTATION)), node.unschedulable()));
		}
		return nodes;
	}

	private static Map<String, @Nullable String> referencedNodes(ClusterDeclaration declaration) {
		Map<String, @Nullable String> referenced = new LinkedHashMap<>();
		for (DeclaredPod pod : declaration.pods()) {
			if (pod.scheduling().nodeName() != null) {
				referenced.putIfAbsent(pod.scheduling().nodeName(), null);
			}
		}
		for (DeclaredWorkload workload : declaration.workloads()) {
			if (workload.scheduling().nodeName() != null) {
				referenced.putIfAbsent(workload.scheduling().nodeName(), null);
			}
		}
		for (DeclaredEndpointSlice slice : declaration.endpointSlices()) {
			for (DeclaredEndpoint endpoint : slice.endpoints()) {
				if (endpoint.nodeName() != null && referenced.get(endpoint.nodeName()) == null) {
					referenced.put(endpoint.nodeName(), endpoint.zone());
				}
			}
		}
		return referenced;
	}

	private static String internalIp(DeclaredNode node, int position, Set<Long> usedIps, List<String> warnings) {
		String declared = node.internalIp();
		if (declared != null && Ipv4.isValid(declared)) {
			return declared;
		}
		if (declared != null) {
			warnings.add("Node " + node.name() + " has InternalIP \"" + declared
					+ "\", which is not an IPv4 address; Traffic Lab gives it another one.");
		}
		long address = FIRST_NODE_IP + position;
		while (usedIps.contains(address)) {
			address++;
		}
		usedIps.add(address);
		return Ipv4.format(address);
	}

	private static Ipv4Block podCidr(DeclaredNode node, int position, boolean[] usedSlots, List<String> warnings) {
		String declared = node.podCidr();
		Ipv4Block cidr = (declared != null) ? Ipv4Block.parse(declared) : null;
		if (cidr != null) {
			return cidr;
		}
		if (declared != null) {
			warnings.add("Node " + node.name() + " has pod CIDR \"" + declared
					+ "\", which is not an IPv4 CIDR; Traffic Lab gives it another one.");
		}
		int slot = (FIRST_SLOT + position) % SLOTS;
		for (int tried = 0; tried < SLOTS && (usedSlots[slot] || isServiceSlot(slot)); tried++) {
			slot = (slot + 1) % SLOTS;
		}
		usedSlots[slot] = true;
		return new Ipv4Block(TEN + ((long) slot << 8), 24);
	}

	private static void markSlots(Ipv4Block cidr, boolean[] usedSlots) {
		long from = Math.max(cidr.network(), TEN);
		long to = Math.min(cidr.last(), TEN + ((long) SLOTS << 8) - 1);
		for (long address = from; address <= to; address += 256) {
			usedSlots[(int) ((address - TEN) >>> 8)] = true;
		}
	}

	private static boolean isServiceSlot(int slot) {
		return slot >= SERVICE_SLOTS_FROM && slot <= SERVICE_SLOTS_TO;
	}

}
