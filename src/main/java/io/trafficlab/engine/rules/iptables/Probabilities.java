package io.trafficlab.engine.rules.iptables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * {@code computeProbability(n)}: 1/n with ten decimals (Go's {@code %0.10f}), cached as
 * kube-proxy caches them ({@code precomputedProbabilities}), since formatting a double
 * costs more than the rest of an endpoint's rule.
 */
final class Probabilities {

	private static volatile String[] cache = { "<bad value>", "1.0000000000" };

	private Probabilities() {
	}

	/** 1/{@code n}, {@code n >= 1}. */
	static String of(int n) {
		String[] values = cache;
		if (n < values.length) {
			return values[n];
		}
		return grow(n)[n];
	}

	private static synchronized String[] grow(int n) {
		String[] values = cache;
		if (n < values.length) {
			return values;
		}
		String[] grown = Arrays.copyOf(values, Math.max(n + 1, values.length * 2));
		for (int i = values.length; i < grown.length; i++) {
			// Go rounds the double's exact value half to even (1/2048 = 0.00048828125
			// prints as 0.0004882812)
			grown[i] = new BigDecimal(1.0 / i).setScale(10, RoundingMode.HALF_EVEN).toPlainString();
		}
		cache = grown;
		return grown;
	}

}
