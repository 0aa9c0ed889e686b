package io.trafficlab.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on who may create sandboxes and how long an unused one lives
 * ({@code trafficlab.sandbox.*}, beside {@link SandboxProperties}).
 *
 * @param creationsPerMinute how many sandboxes one client (one remote address, an IPv6
 * /64) may create a minute once its burst is spent; more answer 429 with
 * {@code Retry-After}
 * @param creationBurst how many sandboxes one client may create at once (a classroom
 * behind one address opens its pages together)
 * @param unusedIdleTimeout how long a sandbox lives that nobody has ever watched or sent
 * a command to (a crawler's, a script's); once used, {@code idle-timeout} applies
 */
@ConfigurationProperties("trafficlab.sandbox")
public record SandboxCreationProperties(@DefaultValue("30") double creationsPerMinute,
		@DefaultValue("60") int creationBurst, @DefaultValue("2m") Duration unusedIdleTimeout) {

	public SandboxCreationProperties {
		if (!(creationsPerMinute > 0 && creationsPerMinute <= 1_000_000)) {
			throw new IllegalArgumentException(
					"trafficlab.sandbox.creations-per-minute must be above 0, not " + creationsPerMinute);
		}
		if (creationBurst < 1) {
			throw new IllegalArgumentException(
					"trafficlab.sandbox.creation-burst must be at least 1, not " + creationBurst);
		}
		if (unusedIdleTimeout.isNegative() || unusedIdleTimeout.isZero()) {
			throw new IllegalArgumentException("trafficlab.sandbox.unused-idle-timeout must be positive");
		}
	}

	public static SandboxCreationProperties defaults() {
		return new SandboxCreationProperties(30, 60, Duration.ofMinutes(2));
	}

}
