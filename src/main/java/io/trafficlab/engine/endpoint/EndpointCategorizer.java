package io.trafficlab.engine.endpoint;

import java.util.List;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;

/**
 * Which endpoints one node's kube-proxy uses for a Service (R2–R6), in the shape of
 * upstream's {@code CategorizeEndpoints}: the Cluster set (topology-filtered, with the
 * cluster-wide terminating fallback), the Local set (never topology-filtered, with a
 * per-node terminating fallback), whether the Service has any usable endpoint anywhere,
 * and the union of both sets.
 * <p>
 * To categorize many nodes for one Service, build {@link ServiceEndpoints} once and call
 * {@link ServiceEndpoints#categorize(String, String)} per node.
 */
public final class EndpointCategorizer {

	private EndpointCategorizer() {
	}

	/** The sets {@code node}'s kube-proxy computes for {@code service}. */
	public static CategorizedEndpoints categorize(Service service, List<Endpoint> endpoints, Node node) {
		return ServiceEndpoints.of(service, endpoints).categorize(node.name(), node.zone());
	}

}
