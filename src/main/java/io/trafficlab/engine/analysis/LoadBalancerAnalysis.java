package io.trafficlab.engine.analysis;

import java.util.List;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.NoHealthy;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.balancer.Spread;
import org.jspecify.annotations.Nullable;

/**
 * The load balancer in front of one LoadBalancer Service.
 *
 * @param kind the catalogue id
 * @param probe what it checks under the Service's current policy, {@code null} when it
 * does not probe
 * @param clientAddressKeptToNode whether the node (or the pod, with ip targets) receives
 * the client's address
 * @param announcingNodes MetalLB: the node that answers ARP (L2, at most one) or the
 * nodes that advertise a route (BGP), in node order; {@code null} for the other LBs
 * @param spread how it spreads new connections, cross-zone load balancing applied
 * ({@link io.trafficlab.engine.balancer.LoadBalancerSpec#spreading()}) and, for a
 * weighted LB, only where the Service's health check sends weights
 * @param whenNoneHealthy what it does when no target passes (fail open, or not)
 */
public record LoadBalancerAnalysis(LoadBalancerKind kind, @Nullable ProbeSpec probe, boolean clientAddressKeptToNode,
		@Nullable List<String> announcingNodes, Spread spread, NoHealthy whenNoneHealthy) {

}
