package io.trafficlab.engine.simulation;

/**
 * How the cloud load balancer probes each node (R20): every {@code intervalMicros}, a target becomes healthy after
 * {@code healthyThreshold} consecutive passing probes and unhealthy after {@code unhealthyThreshold} consecutive
 * failing ones. Until then the LB keeps its previous verdict, so its target set lags reality.
 *
 * @param intervalMicros time between two probes of the same node, in simulated microseconds
 * @param healthyThreshold consecutive passing probes before a target is marked healthy
 * @param unhealthyThreshold consecutive failing probes before a target is marked unhealthy
 */
public record LoadBalancerProbe(long intervalMicros, int healthyThreshold, int unhealthyThreshold) {

	public LoadBalancerProbe {
		if (intervalMicros <= 0) {
			throw new IllegalArgumentException("The probe interval must be positive, not " + intervalMicros + " µs.");
		}
		if (healthyThreshold < 1 || healthyThreshold > 10) {
			throw new IllegalArgumentException("The healthy threshold must be 1 to 10, not " + healthyThreshold + ".");
		}
		if (unhealthyThreshold < 1 || unhealthyThreshold > 10) {
			throw new IllegalArgumentException(
					"The unhealthy threshold must be 1 to 10, not " + unhealthyThreshold + ".");
		}
	}

	/**
	 * The AWS Load Balancer Controller's defaults for an NLB target group (instance targets) of a Service with
	 * {@code externalTrafficPolicy: Local}: HTTP {@code GET /healthz} on the {@code healthCheckNodePort} every 10 s
	 * (6 s timeout), healthy after 2 passing probes in a row, unhealthy after 2 failing ones. Source:
	 * kubernetes-sigs/aws-load-balancer-controller, {@code pkg/service/model_builder.go}
	 * ({@code defaultHealthCheckIntervalForInstanceModeLocal: 10},
	 * {@code defaultHealthCheckTimeoutForInstanceModeLocal: 6},
	 * {@code defaultHealthCheckHealthyThresholdForInstanceModeLocal: 2},
	 * {@code defaultHealthCheckUnhealthyThresholdForInstanceModeLocal: 2}, path {@code "/healthz"}, port
	 * {@code service.Spec.HealthCheckNodePort}); {@code docs/guide/service/annotations.md} documents the
	 * healthCheckNodePort default for Local. The timeout is not modelled: a probe is answered at once or not at all.
	 */
	public static LoadBalancerProbe awsNlbDefaults() {
		return new LoadBalancerProbe(10_000_000L, 2, 2);
	}

	/**
	 * The same controller's defaults for {@code externalTrafficPolicy: Cluster}: every 10 s, 3 probes in a row either
	 * way (its TCP probe of the traffic port has no weight header; the simulation probes kube-proxy's
	 * {@code :10256/healthz} under Cluster, as the Kubernetes documentation recommends). Source:
	 * {@code docs/guide/service/annotations.md} (healthcheck-interval 10, healthy and unhealthy thresholds 3).
	 */
	public static LoadBalancerProbe awsNlbClusterDefaults() {
		return new LoadBalancerProbe(10_000_000L, 3, 3);
	}

}
