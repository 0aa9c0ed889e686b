package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.Spelled;

/**
 * What kube-proxy on a node can tell about a packet's source (semantics §1).
 */
public enum SourceClass implements Spelled {

	/** Matches no local-traffic detector and is not a node address. */
	EXTERNAL,

	/** Matches the local-traffic detector (by default: inside the cluster CIDR). */
	POD,

	/** An address local to the receiving node: host-network processes. */
	NODE;

}
