package io.trafficlab.analyzer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import io.trafficlab.engine.model.Fraction;

/**
 * A share of traffic as people read it: the exact fraction, a rounded percentage and the
 * width of a bar.
 *
 * @param fraction the exact fraction, e.g. {@code 1/6}
 * @param percent the rounded percentage, e.g. {@code 16.7%}
 * @param barWidth the CSS width of a bar, e.g. {@code 16.667%}
 * @param zero whether the share is exactly zero
 */
record Share(String fraction, String percent, String barWidth, boolean zero) {

	static Share of(Fraction fraction) {
		double percent = fraction.toDouble() * 100;
		return new Share(fraction.toString(), formatPercent(percent), String.format(Locale.ROOT, "%.3f%%", percent),
				fraction.isZero());
	}

	/**
	 * Whole percentages stay whole, others get one decimal, tiny ones two significant
	 * digits.
	 */
	static String formatPercent(double percent) {
		if (percent == Math.rint(percent)) {
			return String.format(Locale.ROOT, "%.0f%%", percent);
		}
		if (percent >= 1) {
			return String.format(Locale.ROOT, "%.1f%%", percent);
		}
		return new BigDecimal(percent).round(new MathContext(2)).stripTrailingZeros().toPlainString() + "%";
	}

}
