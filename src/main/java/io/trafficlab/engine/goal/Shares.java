package io.trafficlab.engine.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.trafficlab.engine.model.Fraction;

/**
 * Ratios of shares in the short decimal form people read: {@code 2}, {@code 1.25},
 * {@code 1.33}.
 */
final class Shares {

	private Shares() {
	}

	static String ratio(Fraction share, Fraction mean) {
		return decimal(BigDecimal.valueOf(share.toDouble() / mean.toDouble()));
	}

	static String decimal(Fraction fraction) {
		return decimal(BigDecimal.valueOf(fraction.toDouble()));
	}

	private static String decimal(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
