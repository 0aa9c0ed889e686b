package io.trafficlab.engine.analysis;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import io.trafficlab.engine.model.Fraction;

/**
 * Remembers {@code share / n} by share instance and divisor, since an even LB gives many
 * nodes the very same share instance and exact division is the costly part of the
 * analysis.
 */
final class Divisions {

	private final Map<Fraction, Map<Integer, Fraction>> byShare = new IdentityHashMap<>();

	Fraction divide(Fraction share, int divisor) {
		Map<Integer, Fraction> byDivisor = this.byShare.computeIfAbsent(share, (s) -> new HashMap<>());
		Fraction quotient = byDivisor.get(divisor);
		if (quotient == null) {
			quotient = share.dividedBy(divisor);
			byDivisor.put(divisor, quotient);
		}
		return quotient;
	}

}
