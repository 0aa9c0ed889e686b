package io.trafficlab.sandbox;

import java.time.Duration;

import io.trafficlab.engine.simulation.SimulationLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live sandboxes ({@code trafficlab.sandbox.*}).
 *
 * @param maxLive how many sandboxes may be live at once on this instance (a cap per
 * instance: 500 is what one 2-core instance keeps at 1×, README "Several servers");
 * creating one more answers 503
 * @param idleTimeout how long a sandbox lives without a command and without a watching
 * browser
 * @param maxNodes the most nodes one sandbox may hold (at most the engine's own limit)
 * @param maxPods the most pods one sandbox may hold (at most the engine's own limit)
 * @param maxClientRate the most new connections per simulated second one sandbox may ask
 * for
 * @param maxEventsPerBatch the most events one stream batch carries; the rest are only
 * counted
 * @param tickInterval how often the ticker advances every running sandbox (and publishes
 * one batch each)
 * @param statsInterval how often statistics are published to a sandbox's watchers
 */
@ConfigurationProperties("trafficlab.sandbox")
public record SandboxProperties(@DefaultValue("500") int maxLive, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("20") int maxNodes, @DefaultValue("200") int maxPods, @DefaultValue("200") double maxClientRate,
		@DefaultValue("400") int maxEventsPerBatch, @DefaultValue("50ms") Duration tickInterval,
		@DefaultValue("250ms") Duration statsInterval) {

	public SandboxProperties {
		requireBetween("max-live", maxLive, 1, 100_000);
		requireBetween("max-nodes", maxNodes, 1, SimulationLimits.MAX_NODES);
		requireBetween("max-pods", maxPods, 0, SimulationLimits.MAX_PODS);
		if (!(maxClientRate >= 0 && maxClientRate <= SimulationLimits.MAX_CONNECTIONS_PER_SECOND)) {
			throw new IllegalArgumentException("trafficlab.sandbox.max-client-rate must be between 0 and "
					+ (long) SimulationLimits.MAX_CONNECTIONS_PER_SECOND + ", not " + maxClientRate);
		}
		requireBetween("max-events-per-batch", maxEventsPerBatch, 1, 100_000);
		if (tickInterval.isNegative() || tickInterval.isZero() || statsInterval.compareTo(tickInterval) < 0) {
			throw new IllegalArgumentException(
					"trafficlab.sandbox.tick-interval must be positive and no longer than stats-interval");
		}
	}

	/** The defaults, for tests and tools. */
	public static SandboxProperties defaults() {
		return new SandboxProperties(500, Duration.ofMinutes(30), 20, 200, 200, 400, Duration.ofMillis(50),
				Duration.ofMillis(250));
	}

	/** These properties with another cap on live sandboxes. */
	public SandboxProperties withMaxLive(int maxLive) {
		return new SandboxProperties(maxLive, this.idleTimeout, this.maxNodes, this.maxPods, this.maxClientRate,
				this.maxEventsPerBatch, this.tickInterval, this.statsInterval);
	}

	private static void requireBetween(String name, int value, int min, int max) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(
					"trafficlab.sandbox." + name + " must be between " + min + " and " + max + ", not " + value);
		}
	}

}
