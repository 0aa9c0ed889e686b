package io.trafficlab.engine.net;

import io.trafficlab.engine.model.Spelled;

/**
 * The pod network (the CNI) as far as it decides the address kube-proxy's MASQUERADE
 * gives a packet toward a pod. The kernel takes the preferred source address of the
 * interface the packet leaves by ({@code nf_nat_masquerade_ipv4}:
 * {@code inet_select_addr(out, nexthop)}), so the address depends on how the node reaches
 * the pod.
 */
public enum NetworkModel implements Spelled {

	/**
	 * A bridge with host routes (kubenet, flannel's {@code host-gw} backend): a pod on
	 * the node is reached through the bridge ({@code cni0}), whose address is the pod
	 * bridge gateway; a pod on another node through the primary interface, whose address
	 * is the InternalIP.
	 */
	BRIDGE("bridge with host routes (kubenet, flannel host-gw)"),

	/**
	 * flannel's default VXLAN backend: a pod on the node through the bridge; a pod on
	 * another node through {@code flannel.1}, which carries the first address of the
	 * node's pod CIDR as a /32 ({@code pkg/backend/vxlan/vxlan.go}: "used as a source
	 * address for host to workload traffic").
	 */
	OVERLAY("overlay (flannel VXLAN)"),

	/**
	 * Routed pods on host-side veths that carry no IPv4 address (AWS VPC CNI; Calico
	 * without encapsulation): with no address on the outgoing veth the kernel falls back
	 * to the host's first global address, the primary interface's, so the InternalIP
	 * whether the pod is on the node or not.
	 */
	VPC("VPC-routed (AWS VPC CNI, Calico without encapsulation)");

	/** The network the sandbox and the analyzer assume unless told otherwise. */
	public static final NetworkModel DEFAULT = BRIDGE;

	private final String label;

	NetworkModel(String label) {
		this.label = label;
	}

	/** The model in words, with the CNIs it stands for. */
	public String label() {
		return this.label;
	}

	/**
	 * Whether a packet toward a pod on the receiving node leaves by a bridge that has an
	 * address (the pod bridge gateway); otherwise it leaves by an address-less veth and
	 * takes the InternalIP.
	 */
	public boolean bridgeOnNode() {
		return this != VPC;
	}

	/**
	 * Whether a packet toward a pod on another node leaves by a tunnel interface whose
	 * address is the first of the node's pod CIDR; otherwise by the primary interface
	 * (the InternalIP).
	 */
	public boolean tunnelAcrossNodes() {
		return this == OVERLAY;
	}

}
