package io.trafficlab.engine.model;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

/**
 * An exact, always reduced, non-negative rational number. Traffic shares are fractions,
 * never floating point, so that 1/6 stays 1/6 and shares add up to exactly 1.
 * <p>
 * A fraction whose numerator and denominator fit in a {@code long} is held as two longs
 * and computed with overflow-checked long arithmetic (analyzing a large cluster adds and
 * divides shares once per node and per endpoint, and BigInteger's gcd and division
 * allocate on every step); any other fraction, or any step that would overflow, uses
 * BigInteger. The form is canonical (small whenever both parts fit), so both forms give
 * the same results, text and hash code.
 */
public final class Fraction implements Comparable<Fraction> {

	public static final Fraction ZERO = new Fraction(0, 1);

	public static final Fraction ONE = new Fraction(1, 1);

	/** The numerator and denominator when both fit in a long, else unused. */
	private final long numerator;

	private final long denominator;

	/** The numerator and denominator when one of them does not fit in a long. */
	private final @Nullable BigInteger bigNumerator;

	private final @Nullable BigInteger bigDenominator;

	private Fraction(long numerator, long denominator) {
		this.numerator = numerator;
		this.denominator = denominator;
		this.bigNumerator = null;
		this.bigDenominator = null;
	}

	private Fraction(BigInteger numerator, BigInteger denominator) {
		this.numerator = 0;
		this.denominator = 0;
		this.bigNumerator = numerator;
		this.bigDenominator = denominator;
	}

	/** The fraction {@code numerator/denominator}, reduced. */
	public static Fraction of(long numerator, long denominator) {
		if (denominator == 0) {
			throw new ArithmeticException("Fraction with denominator 0");
		}
		if (numerator < 0 || denominator < 0) {
			throw new ArithmeticException("Shares are never negative: " + numerator + "/" + denominator);
		}
		return reduced(numerator, denominator);
	}

	/**
	 * {@code numerator/denominator} reduced, both non-negative, the denominator not 0.
	 */
	private static Fraction reduced(long numerator, long denominator) {
		if (numerator == 0) {
			return ZERO;
		}
		long gcd = gcd(numerator, denominator);
		return new Fraction(numerator / gcd, denominator / gcd);
	}

	private static Fraction of(BigInteger numerator, BigInteger denominator) {
		if (denominator.signum() == 0) {
			throw new ArithmeticException("Fraction with denominator 0");
		}
		if (numerator.signum() < 0 || denominator.signum() < 0) {
			throw new ArithmeticException("Shares are never negative: " + numerator + "/" + denominator);
		}
		if (numerator.signum() == 0) {
			return ZERO;
		}
		BigInteger gcd = numerator.gcd(denominator);
		BigInteger reducedNumerator = numerator.divide(gcd);
		BigInteger reducedDenominator = denominator.divide(gcd);
		if (reducedNumerator.bitLength() < Long.SIZE && reducedDenominator.bitLength() < Long.SIZE) {
			return new Fraction(reducedNumerator.longValue(), reducedDenominator.longValue());
		}
		return new Fraction(reducedNumerator, reducedDenominator);
	}

	/** {@code 1/n}. */
	public static Fraction oneOver(long n) {
		return of(1, n);
	}

	public Fraction plus(Fraction other) {
		if (other.isZero()) {
			return this;
		}
		if (isZero()) {
			return other;
		}
		if (isSmall() && other.isSmall()) {
			try {
				if (this.denominator == other.denominator) {
					return reduced(Math.addExact(this.numerator, other.numerator), this.denominator);
				}
				// over the least common multiple, so that sums of shares stay small
				long gcd = gcd(this.denominator, other.denominator);
				long otherScale = other.denominator / gcd;
				long thisScale = this.denominator / gcd;
				return reduced(
						Math.addExact(Math.multiplyExact(this.numerator, otherScale),
								Math.multiplyExact(other.numerator, thisScale)),
						Math.multiplyExact(this.denominator, otherScale));
			}
			catch (ArithmeticException overflow) {
				// exact below
			}
		}
		if (bigDenominatorOf(this).equals(bigDenominatorOf(other))) {
			return of(bigNumeratorOf(this).add(bigNumeratorOf(other)), bigDenominatorOf(this));
		}
		return of(
				bigNumeratorOf(this).multiply(bigDenominatorOf(other))
					.add(bigNumeratorOf(other).multiply(bigDenominatorOf(this))),
				bigDenominatorOf(this).multiply(bigDenominatorOf(other)));
	}

	public Fraction times(Fraction other) {
		if (isZero() || other.isZero()) {
			return ZERO;
		}
		if (isSmall() && other.isSmall()) {
			// cross-reduced first, so the product is already reduced
			long a = gcd(this.numerator, other.denominator);
			long b = gcd(other.numerator, this.denominator);
			try {
				return new Fraction(Math.multiplyExact(this.numerator / a, other.numerator / b),
						Math.multiplyExact(this.denominator / b, other.denominator / a));
			}
			catch (ArithmeticException overflow) {
				// exact below
			}
		}
		return of(bigNumeratorOf(this).multiply(bigNumeratorOf(other)),
				bigDenominatorOf(this).multiply(bigDenominatorOf(other)));
	}

	/** This fraction divided by a positive whole number. */
	public Fraction dividedBy(long divisor) {
		if (isZero()) {
			return ZERO;
		}
		if (isSmall() && divisor > 0) {
			long gcd = gcd(this.numerator, divisor);
			try {
				return new Fraction(this.numerator / gcd, Math.multiplyExact(this.denominator, divisor / gcd));
			}
			catch (ArithmeticException overflow) {
				// exact below
			}
		}
		return of(bigNumeratorOf(this), bigDenominatorOf(this).multiply(BigInteger.valueOf(divisor)));
	}

	/**
	 * This fraction divided by a positive fraction: how many times {@code divisor} fits.
	 */
	public Fraction dividedBy(Fraction divisor) {
		if (divisor.isZero()) {
			throw new ArithmeticException("Fraction divided by 0");
		}
		if (divisor.isSmall()) {
			// the reciprocal of a reduced positive fraction is reduced
			return times(new Fraction(divisor.denominator, divisor.numerator));
		}
		return of(bigNumeratorOf(this).multiply(bigDenominatorOf(divisor)),
				bigDenominatorOf(this).multiply(bigNumeratorOf(divisor)));
	}

	public boolean isZero() {
		return this.bigNumerator == null && this.numerator == 0;
	}

	/** The value as a double, for display and for comparing with observed rates only. */
	public double toDouble() {
		if (isSmall()) {
			return (double) this.numerator / (double) this.denominator;
		}
		return bigNumeratorOf(this).doubleValue() / bigDenominatorOf(this).doubleValue();
	}

	@Override
	public int compareTo(Fraction other) {
		if (isSmall() && other.isSmall()) {
			long left = this.numerator * other.denominator;
			long right = other.numerator * this.denominator;
			if (Math.multiplyHigh(this.numerator, other.denominator) == 0
					&& Math.multiplyHigh(other.numerator, this.denominator) == 0 && left >= 0 && right >= 0) {
				return Long.compare(left, right);
			}
		}
		return bigNumeratorOf(this).multiply(bigDenominatorOf(other))
			.compareTo(bigNumeratorOf(other).multiply(bigDenominatorOf(this)));
	}

	@Override
	public boolean equals(Object obj) {
		if (!(obj instanceof Fraction other)) {
			return false;
		}
		if (isSmall() || other.isSmall()) {
			// the form is canonical: a small fraction never equals a big one
			return isSmall() && other.isSmall() && this.numerator == other.numerator
					&& this.denominator == other.denominator;
		}
		return bigNumeratorOf(this).equals(bigNumeratorOf(other))
				&& bigDenominatorOf(this).equals(bigDenominatorOf(other));
	}

	@Override
	public int hashCode() {
		// as when both parts were always BigIntegers
		return 31 * bigNumeratorOf(this).hashCode() + bigDenominatorOf(this).hashCode();
	}

	/** {@code "0"}, {@code "1"}, {@code "1/6"}: the form the JSON API uses. */
	@Override
	public String toString() {
		if (isSmall()) {
			return (this.denominator == 1) ? Long.toString(this.numerator) : this.numerator + "/" + this.denominator;
		}
		BigInteger denominator = bigDenominatorOf(this);
		return denominator.equals(BigInteger.ONE) ? bigNumeratorOf(this).toString()
				: bigNumeratorOf(this) + "/" + denominator;
	}

	private boolean isSmall() {
		return this.bigNumerator == null;
	}

	private static BigInteger bigNumeratorOf(Fraction fraction) {
		BigInteger big = fraction.bigNumerator;
		return (big != null) ? big : BigInteger.valueOf(fraction.numerator);
	}

	private static BigInteger bigDenominatorOf(Fraction fraction) {
		BigInteger big = fraction.bigDenominator;
		return (big != null) ? big : BigInteger.valueOf(fraction.denominator);
	}

	/** Binary gcd of two positive longs. */
	private static long gcd(long a, long b) {
		int shift = Long.numberOfTrailingZeros(a | b);
		a >>= Long.numberOfTrailingZeros(a);
		while (b != 0) {
			b >>= Long.numberOfTrailingZeros(b);
			if (a > b) {
				long t = b;
				b = a;
				a = t;
			}
			b -= a;
		}
		return a << shift;
	}

}
