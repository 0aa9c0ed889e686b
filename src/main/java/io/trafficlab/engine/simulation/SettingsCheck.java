package io.trafficlab.engine.simulation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks settings and command values against {@link SimulationLimits}, with messages that
 * name the limit.
 */
final class SettingsCheck {

	/** No delay may exceed one simulated hour. */
	static final long MAX_DELAY_MICROS = 3_600_000_000L;

	private SettingsCheck() {
	}

	static void check(List<String> clientIps, double connectionsPerSecond, long proxySyncDelayMicros,
			long podStartupMicros, long terminationGraceMicros, long hopLatencyMicros) {
		checkClients(clientIps);
		checkRate(connectionsPerSecond);
		checkDelay("The kube-proxy sync delay", proxySyncDelayMicros, 0);
		checkDelay("The pod startup time", podStartupMicros, 0);
		checkDelay("The termination grace period", terminationGraceMicros, 0);
		checkDelay("The hop latency", hopLatencyMicros, 1);
	}

	static void checkRate(double connectionsPerSecond) {
		if (!(connectionsPerSecond >= 0 && connectionsPerSecond <= SimulationLimits.MAX_CONNECTIONS_PER_SECOND)) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"The client rate must be between 0 and %,d new connections per second, not %s.",
					(long) SimulationLimits.MAX_CONNECTIONS_PER_SECOND, connectionsPerSecond));
		}
	}

	private static void checkClients(List<String> clientIps) {
		if (clientIps.isEmpty() || clientIps.size() > SimulationLimits.MAX_CLIENTS) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"A sandbox has 1 to %d external clients, not %d.", SimulationLimits.MAX_CLIENTS, clientIps.size()));
		}
		Set<String> seen = new HashSet<>();
		for (String ip : clientIps) {
			if (!isIpv4(ip)) {
				throw new IllegalArgumentException("The client address \"" + ip + "\" is not an IPv4 address.");
			}
			if (!seen.add(ip)) {
				throw new IllegalArgumentException("The client address " + ip + " is listed twice.");
			}
		}
	}

	private static void checkDelay(String what, long micros, long min) {
		if (micros < min || micros > MAX_DELAY_MICROS) {
			throw new IllegalArgumentException(
					String.format(Locale.ROOT, "%s must be between %d µs and one hour, not %d µs.", what, min, micros));
		}
	}

	static boolean isIpv4(String ip) {
		String[] parts = ip.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(part) > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
				return false;
			}
		}
		return true;
	}

}
