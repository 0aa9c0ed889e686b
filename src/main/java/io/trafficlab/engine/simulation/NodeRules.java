package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * One node's kube-proxy rules for the followed Service as of its last sync: the route per
 * client (they differ only when {@code loadBalancerSourceRanges} tell clients apart,
 * R13), and what its health-check server reports (R17).
 */
final class NodeRules {

	/**
	 * A number that changes with every sync of any node (affinity entries remember it).
	 */
	final long generation;

	final long syncedAt;

	/** The Service as kube-proxy last saw it. */
	final Service service;

	/**
	 * The whole cluster as kube-proxy last saw it (an immutable value the world built
	 * anyway; kept by reference), from which the rules text is written on demand.
	 */
	final Cluster cluster;

	/**
	 * The route per client index; {@code null} entries never happen while the Service is
	 * reachable.
	 */
	final NodeRoute[] routes;

	/** R17: distinct IPs of this node's Ready endpoints, as kube-proxy last saw them. */
	final int localReadyEndpoints;

	final @Nullable List<String> clusterEndpoints;

	final @Nullable List<String> localEndpoints;

	NodeRules(long generation, long syncedAt, Service service, Cluster cluster, NodeRoute[] routes,
			int localReadyEndpoints, @Nullable List<String> clusterEndpoints, @Nullable List<String> localEndpoints) {
		this.generation = generation;
		this.syncedAt = syncedAt;
		this.service = service;
		this.cluster = cluster;
		this.routes = routes;
		this.localReadyEndpoints = localReadyEndpoints;
		this.clusterEndpoints = clusterEndpoints;
		this.localEndpoints = localEndpoints;
	}

}
