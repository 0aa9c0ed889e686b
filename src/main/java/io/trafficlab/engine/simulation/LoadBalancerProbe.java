package io.trafficlab.engine.simulation;

/**
 * How the cloud load balancer probes each node (R20): every {@code intervalMicros}, a
 * target becomes healthy after {@code healthyThreshold} consecutive passing probes and
 * unhealthy after {@code unhealthyThreshold} consecutive failing ones. Until then the LB
 * keeps its previous verdict, so its target set lags reality. A probe nothing answers
 * fails only when {@code timeoutMicros} have passed.
 *
 * @param intervalMicros time between two probes of the same node, in simulated
 * microseconds
 * @param timeoutMicros how long a probe waits for an answer before it counts as failed
 * @param healthyThreshold consecutive passing probes before a target is marked healthy
 * @param unhealthyThreshold consecutive failing probes before a target is marked
 * unhealthy
 */
public record LoadBalancerProbe(long intervalMicros, long timeoutMicros, int healthyThreshold, int unhealthyThreshold) {

	public LoadBalancerProbe {
		if (intervalMicros <= 0) {
			throw new IllegalArgumentException("The probe interval must be positive, not " + intervalMicros + " µs.");
		}
		if (timeoutMicros <= 0 || timeoutMicros > intervalMicros) {
			throw new IllegalArgumentException(
					"The probe timeout must be positive and at most the interval, not " + timeoutMicros + " µs.");
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
	 * The AWS Load Balancer Controller's health check for an NLB instance-target group of
	 * a Service with {@code externalTrafficPolicy: Local}: HTTP {@code GET /healthz} on
	 * the {@code healthCheckNodePort} every 10 s, 6 s timeout, healthy after 2 passing
	 * probes in a row, unhealthy after 2 failing ones. Source:
	 * kubernetes-sigs/aws-load-balancer-controller {@code pkg/service/model_builder.go}
	 * ({@code defaultHealthCheckProtocolForInstanceModeLocal: HTTP},
	 * {@code ...PathForInstanceModeLocal: "/healthz"},
	 * {@code ...PortForInstanceModeLocal: Spec.HealthCheckNodePort},
	 * {@code ...IntervalForInstanceModeLocal: 10},
	 * {@code ...TimeoutForInstanceModeLocal: 6},
	 * {@code ...HealthyThresholdForInstanceModeLocal: 2},
	 * {@code ...UnhealthyThresholdForInstanceModeLocal: 2}).
	 */
	public static LoadBalancerProbe awsNlbDefaults() {
		return new LoadBalancerProbe(10_000_000L, 6_000_000L, 2, 2);
	}

	/**
	 * The same controller's health check for {@code externalTrafficPolicy: Cluster}: a
	 * TCP connect to the traffic port (for instance targets the NodePort) every 10 s, 10
	 * s timeout, 3 probes in a row either way. Source:
	 * {@code pkg/service/model_builder.go}
	 * ({@code defaultHealthCheckProtocol: ProtocolTCP},
	 * {@code defaultHealthCheckPort: healthCheckPortTrafficPort},
	 * {@code defaultHealthCheckInterval: 10}, {@code defaultHealthCheckTimeout: 10},
	 * {@code defaultHealthCheckHealthyThreshold: 3},
	 * {@code defaultHealthCheckUnhealthyThreshold: 3});
	 * {@code model_build_target_group.go} uses the Local defaults only for instance
	 * targets of a LoadBalancer Service with Local.
	 */
	public static LoadBalancerProbe awsNlbClusterDefaults() {
		return new LoadBalancerProbe(10_000_000L, 10_000_000L, 3, 3);
	}

}
