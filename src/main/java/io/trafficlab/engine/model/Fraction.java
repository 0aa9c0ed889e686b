package io.trafficlab.engine.model;

import java.math.BigInteger;

/**
 * An exact, always reduced, non-negative rational number. Traffic shares are fractions,
 * never floating point, so that 1/6 stays 1/6 and shares add up to exactly 1.
 */
public final class Fraction implements Comparable<Fraction> {

	public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

	public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

	private final BigInteger numerator;

	private final BigInteger denominator;

	private Fraction(BigInteger numerator, BigInteger denominator) {
		this.numerator = numerator;
		this.denominator = denominator;
	}

	/** The fraction {@code numerator/denominator}, reduced. */
	public static Fraction of(long numerator, long denominator) {
		return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
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
		return new Fraction(numerator.divide(gcd), denominator.divide(gcd));
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
		if (this.denominator.equals(other.denominator)) {
			return of(this.numerator.add(other.numerator), this.denominator);
		}
		return of(this.numerator.multiply(other.denominator).add(other.numerator.multiply(this.denominator)),
				this.denominator.multiply(other.denominator));
	}

	public Fraction times(Fraction other) {
		if (isZero() || other.isZero()) {
			return ZERO;
		}
		return of(this.numerator.multiply(other.numerator), this.denominator.multiply(other.denominator));
	}

	/** This fraction divided by a positive whole number. */
	public Fraction dividedBy(long divisor) {
		return isZero() ? ZERO : of(this.numerator, this.denominator.multiply(BigInteger.valueOf(divisor)));
	}

	/**
	 * This fraction divided by a positive fraction: how many times {@code divisor} fits.
	 */
	public Fraction dividedBy(Fraction divisor) {
		if (divisor.isZero()) {
			throw new ArithmeticException("Fraction divided by 0");
		}
		return of(this.numerator.multiply(divisor.denominator), this.denominator.multiply(divisor.numerator));
	}

	public boolean isZero() {
		return this.numerator.signum() == 0;
	}

	/** The value as a double, for display and for comparing with observed rates only. */
	public double toDouble() {
		return this.numerator.doubleValue() / this.denominator.doubleValue();
	}

	@Override
	public int compareTo(Fraction other) {
		return this.numerator.multiply(other.denominator).compareTo(other.numerator.multiply(this.denominator));
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof Fraction other) && this.numerator.equals(other.numerator)
				&& this.denominator.equals(other.denominator);
	}

	@Override
	public int hashCode() {
		return 31 * this.numerator.hashCode() + this.denominator.hashCode();
	}

	/** {@code "0"}, {@code "1"}, {@code "1/6"}: the form the JSON API uses. */
	@Override
	public String toString() {
		return this.denominator.equals(BigInteger.ONE) ? this.numerator.toString()
				: this.numerator + "/" + this.denominator;
	}

}
