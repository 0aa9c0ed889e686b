package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.Cluster;

/**
 * Walks one new connection through a node's kube-proxy rules (iptables/nftables semantics, R8–R15).
 */
public final class PacketTracer {

	/**
	 * @throws IllegalArgumentException naming the bad field when the Service, node or destination does not exist
	 */
	public TraceResult trace(Cluster cluster, TraceRequest request) {
		throw new UnsupportedOperationException("not yet implemented");
	}

}
