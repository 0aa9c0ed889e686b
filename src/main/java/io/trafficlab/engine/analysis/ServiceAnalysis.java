package io.trafficlab.engine.analysis;

import java.util.List;

import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * How external traffic to one Service is routed.
 *
 * @param service the Service, defaulted and allocated
 * @param hasAnyEndpoints whether any endpoint anywhere is ready or serving-terminating
 * (R5)
 * @param nodes per node: endpoint sets, health checks and LB share
 * @param endpoints per endpoint: share of external connections and the sources it sees
 * @param droppedShare the share of new external connections that a node DROPs (the client
 * times out), plus the share that fails at the load balancer itself (Azure with every
 * probe down, a Classic ELB with no InService instance, MetalLB with nothing announced,
 * an empty ip target group; a warning names the reason)
 * @param rejectedShare the share of new external connections that are REJECTed
 * (connection refused)
 * @param loadBalancer the load balancer in front of a LoadBalancer Service, {@code null}
 * for other types
 */
public record ServiceAnalysis(Service service, boolean hasAnyEndpoints, List<NodeAnalysis> nodes,
		List<EndpointAnalysis> endpoints, Fraction droppedShare, Fraction rejectedShare,
		@Nullable LoadBalancerAnalysis loadBalancer) {

}
