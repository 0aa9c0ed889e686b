package io.trafficlab.engine.proxy;

import io.trafficlab.engine.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a node's kube-proxy rules can see of a new connection (semantics §1, R8).
 *
 * @param to which of the Service's addresses the packet is sent to
 * @param sourceIp the source address as received on the node
 * @param detectorPresent whether kube-proxy has a local-traffic detector (a cluster CIDR)
 * @param podSource whether the source matches the local-traffic detector (always
 * {@code false} without one)
 * @param nodeLocalSource whether the source address is local to the receiving node
 * (host-network process)
 * @param masqueradeAll kube-proxy's {@code --masquerade-all}
 */
public record PacketFacts(DestinationKind to, String sourceIp, boolean detectorPresent, boolean podSource,
		boolean nodeLocalSource, boolean masqueradeAll) {

	/**
	 * An external client (neither a pod nor the node) sending to {@code to}, with the
	 * default detector.
	 */
	public static PacketFacts externalClient(DestinationKind to, String clientIp) {
		return new PacketFacts(to, clientIp, true, false, false, false);
	}

	/** The source as an address, {@code null} when it is not one. */
	@Nullable IpAddress sourceAddress() {
		return IpAddress.tryParse(this.sourceIp);
	}

}
