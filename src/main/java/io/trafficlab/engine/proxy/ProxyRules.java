package io.trafficlab.engine.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * One Service's kube-proxy rules as iptables and nftables program them (R8–R10, R13,
 * R15), applied to one packet on one node. Shared by the packet tracer and the cluster
 * analyzer so that both follow the same rules.
 */
public final class ProxyRules {

	private final Service service;

	private final ProxyMode mode;

	private final List<Cidr> sourceRanges;

	private final List<IpAddress> loadBalancerIps;

	private ProxyRules(Service service, ProxyMode mode) {
		this.service = service;
		this.mode = mode;
		this.sourceRanges = parsed(service.loadBalancerSourceRanges(), Cidr::tryParse);
		this.loadBalancerIps = parsed(service.loadBalancerIps(), IpAddress::tryParse);
	}

	/** The texts {@code parser} reads ({@code null} for one it cannot), in order. */
	private static <T> List<T> parsed(List<String> texts, Function<String, @Nullable T> parser) {
		List<T> values = new ArrayList<>(texts.size());
		for (String text : texts) {
			T value = parser.apply(text);
			if (value != null) {
				values.add(value);
			}
		}
		return Collections.unmodifiableList(values);
	}

	/**
	 * The rules the iptables proxier (kube-proxy's default mode) writes for one Service;
	 * parses {@code loadBalancerSourceRanges} once.
	 */
	public static ProxyRules of(Service service) {
		return of(service, ProxyMode.IPTABLES);
	}

	/** The rules {@code mode}'s proxier writes for one Service. */
	public static ProxyRules of(Service service, ProxyMode mode) {
		return new ProxyRules(service, mode);
	}

	public Service service() {
		return this.service;
	}

	/**
	 * The parsed {@code loadBalancerSourceRanges} (entries that are not CIDRs are left
	 * out).
	 */
	public List<Cidr> sourceRanges() {
		return this.sourceRanges;
	}

	/** R13: the source-range filter applies only to traffic for a load-balancer IP. */
	public boolean sourceRangesApply(DestinationKind to) {
		return to == DestinationKind.LOAD_BALANCER_IP && !this.sourceRanges.isEmpty()
				&& !this.loadBalancerIps.isEmpty();
	}

	/**
	 * R13: whether the node's rules filter traffic to {@code to} by source: the iptables
	 * proxier writes its firewall only for a Service with endpoints
	 * ({@code usesFWChain := hasEndpoints && ...}), so without any the no-endpoints
	 * REJECT answers every source; the nftables proxier always writes it.
	 */
	public boolean firewallApplies(boolean hasAnyEndpoints, DestinationKind to) {
		return sourceRangesApply(to) && (this.mode == ProxyMode.NFTABLES || hasAnyEndpoints);
	}

	/** The proxier whose rules these are. */
	public ProxyMode mode() {
		return this.mode;
	}

	/**
	 * R13: whether the filter lets the source through on this node: it is inside a range,
	 * or it is the LB IP itself and a range contains the node's IP (a VIP bound locally
	 * loops back with the VIP as source).
	 */
	public boolean sourceRangesAllow(Node node, @Nullable IpAddress source) {
		if (source == null) {
			return false;
		}
		return inSourceRanges(source) || (this.loadBalancerIps.contains(source) && nodeIpInSourceRanges(node));
	}

	/** Whether {@code source} lies inside one of the {@code loadBalancerSourceRanges}. */
	public boolean inSourceRanges(IpAddress source) {
		for (Cidr range : this.sourceRanges) {
			if (range.contains(source)) {
				return true;
			}
		}
		return false;
	}

	private boolean nodeIpInSourceRanges(Node node) {
		IpAddress nodeIp = IpAddress.tryParse(node.internalIp());
		return nodeIp != null && inSourceRanges(nodeIp);
	}

	/**
	 * The fate of one new connection arriving at {@code node}, given the sets that node
	 * computed.
	 */
	public Route route(CategorizedEndpoints sets, Node node, PacketFacts packet) {
		// R13: the firewall runs before the no-endpoints check (iptables jumps to
		// KUBE-PROXY-FIREWALL first; nftables checks it at prerouting)
		if (firewallApplies(sets.hasAnyEndpoints(), packet.to()) && !sourceRangesAllow(node, packet.sourceAddress())) {
			return Route.drop(Decision.DROP_SOURCE_RANGES);
		}
		// R10: no usable endpoint anywhere: REJECT for every destination and source
		if (!sets.hasAnyEndpoints()) {
			return Route.reject();
		}
		return (packet.to() == DestinationKind.CLUSTER_IP) ? routeInternal(sets, packet) : routeExternal(sets, packet);
	}

	private Route routeInternal(CategorizedEndpoints sets, PacketFacts packet) {
		// R8: SNAT ClusterIP traffic from non-pods (needs a detector), or everything with
		// --masquerade-all
		boolean masquerade = packet.masqueradeAll() || (packet.detectorPresent() && !packet.podSource());
		if (this.service.internalPolicyLocal()) {
			EndpointSet local = orEmpty(sets.local());
			// R10: iTP=Local without a local endpoint drops ClusterIP traffic
			return local.isEmpty() ? Route.drop(Decision.DROP_NO_LOCAL_INTERNAL)
					: Route.dnat(Decision.CLUSTER_IP_TO_LOCAL, local, masquerade);
		}
		return Route.dnat(Decision.CLUSTER_IP_TO_CLUSTER, orEmpty(sets.cluster()), masquerade);
	}

	private Route routeExternal(CategorizedEndpoints sets, PacketFacts packet) {
		EndpointSet cluster = orEmpty(sets.cluster());
		if (!this.service.externalPolicyLocal()) {
			// R8: eTP=Cluster marks every external-destination packet for SNAT, then the
			// Cluster set
			return Route.dnat(Decision.EXTERNAL_CLUSTER, cluster, true);
		}
		if (packet.detectorPresent() && packet.podSource()) {
			// R8: pod sources are short-circuited to the Cluster set, unmasqueraded
			return Route.dnat(Decision.EXTERNAL_POD_SHORT_CIRCUIT, cluster, false);
		}
		if (packet.nodeLocalSource()) {
			// R8: node-local sources are masqueraded and sent to the Cluster set
			return Route.dnat(Decision.EXTERNAL_NODE_SHORT_CIRCUIT, cluster, true);
		}
		EndpointSet local = orEmpty(sets.local());
		// R10: no local endpoint: DROP (the client times out), the Service still has
		// endpoints elsewhere
		return local.isEmpty() ? Route.drop(Decision.DROP_NO_LOCAL_EXTERNAL)
				: Route.dnat(Decision.EXTERNAL_LOCAL, local, false);
	}

	private static EndpointSet orEmpty(@Nullable EndpointSet set) {
		return (set != null) ? set : EndpointSet.empty();
	}

	/**
	 * R15: the address MASQUERADE gives a packet from {@code receiving} toward a pod: the
	 * outgoing interface's, which the network model decides: the pod bridge gateway, the
	 * node's tunnel address (the first of its pod CIDR) or its InternalIP.
	 */
	public static SourceAddress masquerade(Node receiving, boolean podOnReceivingNode, NetworkModel network) {
		if (podOnReceivingNode && network.bridgeOnNode()) {
			return new SourceAddress(receiving.bridgeIp(), SourceAddress.SourceKind.POD_GATEWAY, receiving.name());
		}
		if (!podOnReceivingNode && network.tunnelAcrossNodes()) {
			Cidr podCidr = Cidr.tryParse(receiving.podCidr());
			if (podCidr != null) {
				return new SourceAddress(podCidr.network().toString(), SourceAddress.SourceKind.TUNNEL,
						receiving.name());
			}
		}
		return new SourceAddress(receiving.internalIp(), SourceAddress.SourceKind.INTERNAL_IP, receiving.name());
	}

	/**
	 * R9 (hairpin): each endpoint's chain marks a packet whose source is that endpoint
	 * for masquerade ({@code KUBE-SEP-…}: {@code -s <endpoint IP> -j KUBE-MARK-MASQ}), so
	 * a pod that reaches itself through its Service sees its node's address, whatever the
	 * policy.
	 */
	public static boolean hairpin(@Nullable IpAddress source, Endpoint endpoint) {
		return source != null && source.equals(IpAddress.tryParse(endpoint.ip()));
	}

	/**
	 * R9, R15: the source {@code endpoint} sees when {@code receiving} DNATs a packet
	 * from {@code source} to it along {@code route}: the masquerade address when the
	 * route or the endpoint's own chain (hairpin) marks it, the source as received
	 * otherwise.
	 */
	public static String sourceSeen(Route route, Node receiving, Endpoint endpoint, IpAddress source,
			NetworkModel network) {
		return (route.masquerade() || hairpin(source, endpoint)) ? masqueradeAddress(receiving, endpoint, network)
				: source.toString();
	}

	/**
	 * R15: the address MASQUERADE gives a packet from {@code receiving} toward
	 * {@code endpoint}.
	 */
	public static String masqueradeAddress(Node receiving, Endpoint endpoint, NetworkModel network) {
		return masquerade(receiving, endpoint.isLocalTo(receiving.name()), network).address();
	}

}
