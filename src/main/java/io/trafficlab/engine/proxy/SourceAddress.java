package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.Spelled;
import org.jspecify.annotations.Nullable;

/**
 * A source address a pod sees, and whose it is: the client's when the source was kept, or
 * a node's after SNAT ({@link ProxyRules#masquerade}, R15).
 *
 * @param address the address
 * @param kind whose address it is
 * @param node the node it belongs to, or {@code null} for a client's or an unknown
 * address
 */
public record SourceAddress(String address, SourceKind kind, @Nullable String node) {

	/** The client's own address: the source was kept. */
	public static SourceAddress client(String address) {
		return new SourceAddress(address, SourceKind.CLIENT, null);
	}

	/** An address the sandbox cannot attribute. */
	public static SourceAddress other(String address) {
		return new SourceAddress(address, SourceKind.OTHER, null);
	}

	/** Whose address a pod sees. */
	public enum SourceKind implements Spelled {

		/** An external client's: the source was kept. */
		CLIENT,

		/**
		 * A node's pod bridge gateway: SNAT toward a pod on that node over its bridge.
		 */
		POD_GATEWAY,

		/**
		 * A node's InternalIP: SNAT toward another node, or toward its own pods when
		 * their veths carry no address (the {@code vpc} network).
		 */
		INTERNAL_IP,

		/**
		 * A node's tunnel address ({@code flannel.1}, the first of its pod CIDR): SNAT
		 * toward another node over an overlay (the {@code overlay} network).
		 */
		TUNNEL,

		/** None the sandbox knows. */
		OTHER;

	}

}
