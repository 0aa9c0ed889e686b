package io.trafficlab.engine.analysis;

import java.util.List;

import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;

/**
 * How external traffic to one Service is routed.
 *
 * @param service the Service, defaulted and allocated
 * @param hasAnyEndpoints whether any endpoint anywhere is ready or serving-terminating
 * (R5)
 * @param nodes per node: endpoint sets, health checks and LB share
 * @param endpoints per endpoint: share of external connections and the sources it sees
 * @param droppedShare the share of new external connections that a node DROPs (the client
 * times out)
 * @param rejectedShare the share of new external connections that are REJECTed
 * (connection refused)
 */
public record ServiceAnalysis(Service service, boolean hasAnyEndpoints, List<NodeAnalysis> nodes,
		List<EndpointAnalysis> endpoints, Fraction droppedShare, Fraction rejectedShare) {

}
