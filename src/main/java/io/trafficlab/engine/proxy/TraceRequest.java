package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * One new connection arriving at one node.
 *
 * @param service the Service addressed
 * @param node the node where the packet arrives
 * @param from the source class
 * @param to the destination kind
 * @param sourceIp the source address, or {@code null} for the default of the source class
 * (external {@code 203.0.113.10}, pod: an address in the node's pod CIDR, node: its
 * InternalIP)
 * @param clusterCidr the local-traffic detector's CIDR; {@code null} for the default (the
 * smallest CIDR covering every node's pod CIDR); {@code "none"} for no detector (R8)
 * @param masqueradeAll kube-proxy's {@code --masquerade-all}
 * @param network the pod network, which decides the address MASQUERADE gives (R15)
 * @param mode kube-proxy's proxier (R13's one difference between them)
 */
public record TraceRequest(ServiceRef service, String node, SourceClass from, DestinationKind to,
		@Nullable String sourceIp, @Nullable String clusterCidr, boolean masqueradeAll, NetworkModel network,
		ProxyMode mode) {

	/** A connection through the iptables proxier, kube-proxy's default. */
	public TraceRequest(ServiceRef service, String node, SourceClass from, DestinationKind to,
			@Nullable String sourceIp, @Nullable String clusterCidr, boolean masqueradeAll, NetworkModel network) {
		this(service, node, from, to, sourceIp, clusterCidr, masqueradeAll, network, ProxyMode.IPTABLES);
	}

	/** A connection on the default network ({@link NetworkModel#DEFAULT}). */
	public TraceRequest(ServiceRef service, String node, SourceClass from, DestinationKind to,
			@Nullable String sourceIp, @Nullable String clusterCidr, boolean masqueradeAll) {
		this(service, node, from, to, sourceIp, clusterCidr, masqueradeAll, NetworkModel.DEFAULT);
	}

	/** The same connection through {@code mode}'s proxier. */
	public TraceRequest withMode(ProxyMode mode) {
		return new TraceRequest(this.service, this.node, this.from, this.to, this.sourceIp, this.clusterCidr,
				this.masqueradeAll, this.network, mode);
	}

	/** The value of {@link #clusterCidr()} that turns the local-traffic detector off. */
	public static final String NO_DETECTOR = "none";

}
