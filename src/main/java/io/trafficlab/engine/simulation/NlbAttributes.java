package io.trafficlab.engine.simulation;

/**
 * The AWS NLB's load-balancer and target-group attributes the sandbox models, with AWS's
 * defaults (the AWS Load Balancer Controller sets none of them unless the Service's
 * {@code aws-load-balancer-attributes} or
 * {@code aws-load-balancer-target-group-attributes} annotation does).
 *
 * @param crossZone {@code load_balancing.cross_zone.enabled}: off by default for an NLB,
 * so a new connection lands in one of the zones that have a healthy target (the zone's
 * address in DNS), then on a healthy target of that zone
 * @param deregistrationDelayMicros {@code deregistration_delay.timeout_seconds} (300 s):
 * how long a deregistered target drains (no new connections, established ones continue)
 * before it leaves the target group
 * @param resetOnUnhealthy
 * {@code target_health_state.unhealthy.connection_termination.enabled} (default true):
 * when a target turns unhealthy the NLB sends a TCP RST on its established client
 * connections, unless it fails open
 */
public record NlbAttributes(boolean crossZone, long deregistrationDelayMicros, boolean resetOnUnhealthy) {

	public NlbAttributes {
		if (deregistrationDelayMicros < 0 || deregistrationDelayMicros > 3_600_000_000L) {
			throw new IllegalArgumentException(
					"The deregistration delay must be 0 to 3600 s, not " + deregistrationDelayMicros + " µs.");
		}
	}

	/**
	 * AWS's defaults: cross-zone off, a 300 s deregistration delay, resets on unhealthy.
	 * Sources: AWS docs <i>target-group-cross-zone</i> ("With Network Load Balancers,
	 * cross-zone load balancing is off by default"), <i>edit-target-group-attributes</i>
	 * (deregistration delay 300 s), <i>target-group-health</i> (unhealthy target
	 * connection termination, enabled by default).
	 */
	public static NlbAttributes awsDefaults() {
		return new NlbAttributes(false, 300_000_000L, true);
	}

	/** These attributes with cross-zone load balancing on or off. */
	public NlbAttributes withCrossZone(boolean crossZone) {
		return new NlbAttributes(crossZone, this.deregistrationDelayMicros, this.resetOnUnhealthy);
	}

	/** These attributes with another deregistration delay. */
	public NlbAttributes withDeregistrationDelay(long deregistrationDelayMicros) {
		return new NlbAttributes(this.crossZone, deregistrationDelayMicros, this.resetOnUnhealthy);
	}

	/** These attributes with unhealthy-target connection termination on or off. */
	public NlbAttributes withResetOnUnhealthy(boolean resetOnUnhealthy) {
		return new NlbAttributes(this.crossZone, this.deregistrationDelayMicros, resetOnUnhealthy);
	}

}
