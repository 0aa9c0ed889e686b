package io.trafficlab.engine.model;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One endpoint of a Service, as an EndpointSlice carries it, with the conditions already
 * defaulted (ready and serving default to true, terminating to false; semantics §1).
 *
 * @param ip the endpoint address
 * @param nodeName the node it runs on, or {@code null} (never local to any node)
 * @param zone the endpoint's zone, or {@code null}
 * @param ready {@code conditions.ready}
 * @param serving {@code conditions.serving}
 * @param terminating {@code conditions.terminating}
 * @param zoneHints {@code hints.forZones}, empty when none
 * @param nodeHints {@code hints.forNodes}, empty when none
 * @param podName the backing pod's name from {@code targetRef}, or {@code null}
 */
public record Endpoint(String ip, @Nullable String nodeName, @Nullable String zone, boolean ready, boolean serving,
		boolean terminating, Set<String> zoneHints, Set<String> nodeHints, @Nullable String podName) {

	public Endpoint {
		zoneHints = Set.copyOf(zoneHints);
		nodeHints = Set.copyOf(nodeHints);
	}

	/**
	 * Not ready, but still serving while it terminates: the fallback kube-proxy uses (R3,
	 * R4).
	 */
	public boolean servingTerminating() {
		return !this.ready && this.serving && this.terminating;
	}

	/** Ready, or serving-terminating: counts for {@code hasAnyEndpoints} (R5). */
	public boolean usable() {
		return this.ready || servingTerminating();
	}

	/**
	 * MetalLB's {@code EndpointCanServe}: ready, or serving (also a serving endpoint that
	 * is neither Ready nor terminating, which kube-proxy does not use).
	 */
	public boolean canServe() {
		return this.ready || this.serving;
	}

	/** Whether this endpoint runs on the named node. */
	public boolean isLocalTo(String node) {
		return node.equals(this.nodeName);
	}

}
