package io.trafficlab.engine.model;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Service as the API server stores it: defaulted, allocated and validated (R21–R23).
 *
 * @param ref namespace and name
 * @param type the Service type
 * @param ports the ports, never empty
 * @param selector the pod selector, empty when endpoints are managed by hand
 * @param clusterIp the ClusterIP
 * @param externalIps {@code spec.externalIPs}
 * @param loadBalancerIps the VIP-mode ingress IPs from
 * {@code status.loadBalancer.ingress} (R8: Proxy-mode IPs are left out)
 * @param externalTrafficPolicy {@code null} when the Service is not externally accessible
 * (R1)
 * @param internalTrafficPolicy the internal traffic policy
 * @param healthCheckNodePort the health-check node port, {@code 0} when none (R16)
 * @param sessionAffinity the session affinity
 * @param sessionAffinityTimeoutSeconds the ClientIP affinity timeout (default 10800)
 * @param loadBalancerSourceRanges CIDRs allowed to reach the LB IPs (R13), empty means
 * all
 * @param trafficDistribution {@code spec.trafficDistribution}, or {@code null}
 * @param annotations {@code metadata.annotations}, which load-balancer controllers read
 * (the engine reads only those {@code engine.balancer.ServiceAnnotations} names)
 */
public record Service(ServiceRef ref, ServiceType type, List<ServicePort> ports, Map<String, String> selector,
		String clusterIp, List<String> externalIps, List<String> loadBalancerIps,
		@Nullable TrafficPolicy externalTrafficPolicy, TrafficPolicy internalTrafficPolicy, int healthCheckNodePort,
		SessionAffinity sessionAffinity, int sessionAffinityTimeoutSeconds, List<String> loadBalancerSourceRanges,
		@Nullable TrafficDistribution trafficDistribution, Map<String, String> annotations) {

	/**
	 * The {@code clusterIP} of a headless Service (the same word as sessionAffinity
	 * None).
	 */
	public static final String HEADLESS_CLUSTER_IP = "None";

	public Service {
		ports = List.copyOf(ports);
		selector = Map.copyOf(selector);
		externalIps = List.copyOf(externalIps);
		loadBalancerIps = List.copyOf(loadBalancerIps);
		loadBalancerSourceRanges = List.copyOf(loadBalancerSourceRanges);
		annotations = Map.copyOf(annotations);
	}

	/**
	 * The same Service with other VIP-mode LB IPs: none for a load balancer that
	 * publishes a hostname.
	 */
	public Service withLoadBalancerIps(List<String> ips) {
		return new Service(this.ref, this.type, this.ports, this.selector, this.clusterIp, this.externalIps, ips,
				this.externalTrafficPolicy, this.internalTrafficPolicy, this.healthCheckNodePort, this.sessionAffinity,
				this.sessionAffinityTimeoutSeconds, this.loadBalancerSourceRanges, this.trafficDistribution,
				this.annotations);
	}

	/** NodePort or LoadBalancer, or any type with external IPs (R1). */
	public boolean externallyAccessible() {
		return this.type == ServiceType.NODE_PORT || this.type == ServiceType.LOAD_BALANCER
				|| !this.externalIps.isEmpty();
	}

	/** {@code externalTrafficPolicy: Local} on an externally accessible Service (R1). */
	public boolean externalPolicyLocal() {
		return externallyAccessible() && this.externalTrafficPolicy == TrafficPolicy.LOCAL;
	}

	/** {@code internalTrafficPolicy: Local} (R2). */
	public boolean internalPolicyLocal() {
		return this.internalTrafficPolicy == TrafficPolicy.LOCAL;
	}

	/**
	 * Only LoadBalancer Services with Local external policy get a per-Service health
	 * check (R16).
	 */
	public boolean needsHealthCheck() {
		return this.type == ServiceType.LOAD_BALANCER && externalPolicyLocal();
	}

	/** The first port: the one the analyzer and the sandbox follow. */
	public ServicePort primaryPort() {
		return this.ports.get(0);
	}

}
