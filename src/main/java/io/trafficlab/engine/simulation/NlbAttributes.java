package io.trafficlab.engine.simulation;

/**
 * The AWS NLB's load-balancer and target-group attributes the sandbox models, with AWS's
 * defaults (the AWS Load Balancer Controller sets none of them unless the Service's
 * {@code aws-load-balancer-attributes} or
 * {@code aws-load-balancer-target-group-attributes} annotation does).
 *
 * Cross-zone load balancing is not among them: the Service's annotations decide it, in
 * the catalogue ({@code LoadBalancerSpec#crossZone()}), for the analyzer and the sandbox
 * alike.
 *
 * @param deregistrationDelayMicros {@code deregistration_delay.timeout_seconds} (300 s):
 * how long a deregistered target drains (no new connections, established ones continue)
 * before it leaves the target group
 * @param resetOnUnhealthy
 * {@code target_health_state.unhealthy.connection_termination.enabled} (default true):
 * when a target turns unhealthy the NLB sends a TCP RST on its established client
 * connections, unless it fails open
 */
public record NlbAttributes(long deregistrationDelayMicros, boolean resetOnUnhealthy) {

	public NlbAttributes {
		if (deregistrationDelayMicros < 0 || deregistrationDelayMicros > 3_600_000_000L) {
			throw new IllegalArgumentException(
					"The deregistration delay must be 0 to 3600 s, not " + deregistrationDelayMicros + " µs.");
		}
	}

	/**
	 * AWS's defaults: a 300 s deregistration delay, resets on unhealthy. Sources: AWS
	 * docs <i>edit-target-group-attributes</i> (deregistration delay 300 s),
	 * <i>target-group-health</i> (unhealthy target connection termination, enabled by
	 * default).
	 */
	public static NlbAttributes awsDefaults() {
		return new NlbAttributes(300_000_000L, true);
	}

	/** These attributes with another deregistration delay. */
	public NlbAttributes withDeregistrationDelay(long deregistrationDelayMicros) {
		return new NlbAttributes(deregistrationDelayMicros, this.resetOnUnhealthy);
	}

	/** These attributes with unhealthy-target connection termination on or off. */
	public NlbAttributes withResetOnUnhealthy(boolean resetOnUnhealthy) {
		return new NlbAttributes(this.deregistrationDelayMicros, resetOnUnhealthy);
	}

}
