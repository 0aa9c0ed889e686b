package io.trafficlab.engine.simulation;

import java.util.Locale;

/**
 * Simulated times for people: {@code 12.345 s}.
 */
final class Times {

	private Times() {
	}

	static String format(long micros) {
		return String.format(Locale.ROOT, "%.3f s", micros / 1_000_000.0);
	}

}
