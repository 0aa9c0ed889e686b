package io.trafficlab.engine.balancer;

import org.jspecify.annotations.Nullable;

/**
 * What one load balancer of the catalogue does for one Service, as its controller
 * configures it (policy and annotations read): the only input the analyzer takes about
 * the LB. Built by {@link LoadBalancerCatalog#of}.
 *
 * @param kind the catalogue id
 * @param arrival how packets reach the cluster
 * @param spread how new connections are spread over healthy targets
 * @param noHealthy what happens when no target is healthy
 * @param registration which nodes are targets (or speakers)
 * @param probe the health check under the Service's current policy, {@code null} when the
 * LB does not probe
 * @param crossZone whether cross-zone load balancing is on (matters only for
 * {@link Spread#PER_ZONE})
 * @param clientAddressKeptToNode whether the node (or pod, for ip targets) receives the
 * client's address; {@code false} for a proxy and for ip targets without client-IP
 * preservation, which deliver from the LB's own zonal address
 * @param publishesIp whether the controller writes an IP into
 * {@code status.loadBalancer.ingress} (else a hostname, and kube-proxy programs no LB-IP
 * rule)
 */
public record LoadBalancerSpec(LoadBalancerKind kind, Arrival arrival, Spread spread, NoHealthy noHealthy,
		Registration registration, @Nullable ProbeSpec probe, boolean crossZone, boolean clientAddressKeptToNode,
		boolean publishesIp) {

	/**
	 * How it spreads in effect: a per-zone load balancer with cross-zone load balancing
	 * on spreads evenly over every healthy target ({@link ZoneSpread}).
	 */
	public Spread spreading() {
		return (this.spread == Spread.PER_ZONE && this.crossZone) ? Spread.EVEN : this.spread;
	}

}
