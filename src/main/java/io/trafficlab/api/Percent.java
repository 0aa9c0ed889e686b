package io.trafficlab.api;

import io.trafficlab.engine.model.Fraction;

/**
 * The decimal rendering added beside exact fractions: a percentage rounded to four
 * decimals ({@code 1/6} is {@code 16.6667}).
 */
final class Percent {

	private Percent() {
	}

	static double of(Fraction fraction) {
		return Math.round(fraction.toDouble() * 1_000_000d) / 10_000d;
	}

}
