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
	 * The AWS Load Balancer Controller's NLB target-group health check for a Service with
	 * {@code externalTrafficPolicy: Local}: HTTP on the {@code healthCheckNodePort}, path {@code /healthz}, every 10
	 * seconds, 2 passing probes to become healthy, 2 failing probes to become unhealthy.
	 */
	public static LoadBalancerProbe awsNlbDefaults() {
		return new LoadBalancerProbe(10_000_000L, 2, 2);
	}

}
