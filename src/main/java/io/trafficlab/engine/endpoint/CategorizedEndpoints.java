package io.trafficlab.engine.endpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints one node's kube-proxy uses for one Service (R2–R6).
 *
 * @param cluster the Cluster set, {@code null} when the node does not use it (R2)
 * @param local the Local set, {@code null} when the node does not use it (R2)
 * @param hasAnyEndpoints whether any endpoint anywhere is Ready or serving-terminating
 * (R5)
 * @param topologyMode how the Cluster set was filtered by hints (R6)
 * @param clusterUsesTerminating whether the Cluster set fell back to serving-terminating
 * endpoints (R3)
 * @param localUsesTerminating whether the Local set fell back to this node's
 * serving-terminating endpoints (R4)
 */
public record CategorizedEndpoints(@Nullable EndpointSet cluster, @Nullable EndpointSet local, boolean hasAnyEndpoints,
		TopologyMode topologyMode, boolean clusterUsesTerminating, boolean localUsesTerminating) {

	/**
	 * The union of both sets, Cluster endpoints first: the endpoint chains this node
	 * programs (R5).
	 */
	public List<Endpoint> allReachable() {
		if (this.local == null || this.local.isEmpty()) {
			return (this.cluster != null) ? this.cluster.endpoints() : List.of();
		}
		if (this.cluster == null || this.cluster.isEmpty()) {
			return this.local.endpoints();
		}
		Map<Endpoint, Boolean> union = new IdentityHashMap<>();
		List<Endpoint> result = new ArrayList<>(this.cluster.endpoints());
		for (Endpoint endpoint : result) {
			union.put(endpoint, Boolean.TRUE);
		}
		for (Endpoint endpoint : this.local.endpoints()) {
			if (union.put(endpoint, Boolean.TRUE) == null) {
				result.add(endpoint);
			}
		}
		return Collections.unmodifiableList(result);
	}

}
