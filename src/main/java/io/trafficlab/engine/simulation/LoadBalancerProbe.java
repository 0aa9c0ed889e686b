package io.trafficlab.engine.simulation;

import java.util.Objects;

import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.ProbeSpec;

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
	 * A target's verdict after a probe that {@code passed} (or failed) as the
	 * {@code inARow}th in a row alike: it turns healthy or unhealthy at its threshold and
	 * keeps {@code before} until then.
	 */
	/** How many probes in a row set the verdict after one that passed or failed. */
	int thresholdAfter(boolean passed) {
		return passed ? this.healthyThreshold : this.unhealthyThreshold;
	}

	TargetState verdictAfter(TargetState before, boolean passed, int inARow) {
		if (passed && before != TargetState.HEALTHY && inARow >= this.healthyThreshold) {
			return TargetState.HEALTHY;
		}
		if (!passed && before != TargetState.UNHEALTHY && inARow >= this.unhealthyThreshold) {
			return TargetState.UNHEALTHY;
		}
		return before;
	}

	/**
	 * The catalogue's probe in simulated time. A timeout longer than the interval (an
	 * annotation can ask for one) is cut to the interval: the sandbox sends the next
	 * probe only after the previous one has failed.
	 */
	public static LoadBalancerProbe of(ProbeSpec spec) {
		long interval = spec.intervalSeconds() * 1_000_000L;
		return new LoadBalancerProbe(interval, Math.min(spec.timeoutSeconds() * 1_000_000L, interval),
				spec.healthyThreshold(), spec.unhealthyThreshold());
	}

	/**
	 * The AWS Load Balancer Controller's health check for an NLB instance-target group of
	 * a Service with {@code externalTrafficPolicy: Local} (HTTP {@code GET /healthz} on
	 * the {@code healthCheckNodePort} every 10 s, 6 s timeout, 2 in a row either way), as
	 * {@link LoadBalancerCatalog#defaultProbe} writes it.
	 */
	public static LoadBalancerProbe awsNlbDefaults() {
		return of(Objects.requireNonNull(LoadBalancerCatalog.defaultProbe(LoadBalancerKind.AWS_NLB_INSTANCE, true)));
	}

	/**
	 * The same controller's health check for {@code externalTrafficPolicy: Cluster} (a
	 * TCP connect to the NodePort every 10 s, 10 s timeout, 3 in a row either way), as
	 * {@link LoadBalancerCatalog#defaultProbe} writes it.
	 */
	public static LoadBalancerProbe awsNlbClusterDefaults() {
		return of(Objects.requireNonNull(LoadBalancerCatalog.defaultProbe(LoadBalancerKind.AWS_NLB_INSTANCE, false)));
	}

}
