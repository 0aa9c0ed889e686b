package io.trafficlab.engine.model;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Fraction}: its long arithmetic (with BigInteger on overflow) gives
 * what plain BigInteger arithmetic gives, on random inputs of every size.
 */
class FractionTests {

	private static final int CASES = 20_000;

	@Test
	void arithmeticShouldMatchBigIntegerArithmeticOnRandomInputs() {
		SplittableRandom random = new SplittableRandom(20261206);
		for (int i = 0; i < CASES; i++) {
			Pair a = randomPair(random);
			Pair b = randomPair(random);
			assertSame(a.fraction().plus(b.fraction()), a.reference().plus(b.reference()));
			assertSame(a.fraction().times(b.fraction()), a.reference().times(b.reference()));
			long divisor = randomLong(random);
			assertSame(a.fraction().dividedBy(divisor), a.reference().dividedBy(BigInteger.valueOf(divisor)));
			if (!b.reference().isZero()) {
				assertSame(a.fraction().dividedBy(b.fraction()), a.reference().dividedBy(b.reference()));
			}
			assertThat(Integer.signum(a.fraction().compareTo(b.fraction())))
				.isEqualTo(Integer.signum(a.reference().compareTo(b.reference())));
			assertThat(a.fraction().equals(b.fraction())).isEqualTo(a.reference().equals(b.reference()));
		}
	}

	@Test
	void sumsOfManySharesShouldMatchBigIntegerArithmetic() {
		SplittableRandom random = new SplittableRandom(7);
		for (int round = 0; round < 200; round++) {
			Fraction sum = Fraction.ZERO;
			Reference reference = Reference.of(BigInteger.ZERO, BigInteger.ONE);
			// like an analysis: shares of a node count, split over up to 20 endpoints;
			// then arbitrary denominators, whose sums outgrow a long
			long nodes = 1 + random.nextInt(5_000);
			int kind = round % 3;
			int terms = 1 + random.nextInt((kind == 0) ? 400 : 20);
			for (int i = 0; i < terms; i++) {
				long numerator = 1 + random.nextInt(20);
				long denominator = switch (kind) {
					case 0 -> nodes * (1 + random.nextInt(20));
					case 1 -> 1 + random.nextLong(1_000_000);
					default -> 1 + random.nextLong(Long.MAX_VALUE / 2);
				};
				sum = sum.plus(Fraction.of(numerator, denominator));
				reference = reference
					.plus(Reference.of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator)));
				assertSame(sum, reference);
			}
		}
	}

	@Test
	void overflowShouldFallBackToExactBigIntegerAndBackToLong() {
		Fraction max = Fraction.of(Long.MAX_VALUE, 1);
		Fraction beyond = max.plus(Fraction.ONE);
		assertThat(beyond).hasToString("9223372036854775808");
		Fraction tiny = Fraction.of(1, Long.MAX_VALUE).dividedBy(3);
		assertThat(tiny).hasToString("1/27670116110564327421");
		Fraction back = beyond.times(Fraction.of(1, Long.MAX_VALUE)).dividedBy(beyond);
		assertThat(back).isEqualTo(Fraction.of(1, Long.MAX_VALUE)).hasSameHashCodeAs(Fraction.of(1, Long.MAX_VALUE));
		assertThat(tiny.times(Fraction.of(3, 1))).isEqualTo(Fraction.of(1, Long.MAX_VALUE));
		assertThat(beyond.compareTo(max)).isPositive();
		assertThat(tiny.compareTo(Fraction.ZERO)).isPositive();
	}

	@Test
	void ofShouldRefuseNegativeAndZeroDenominatorsAsBefore() {
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Fraction.of(1, 0))
			.withMessage("Fraction with denominator 0");
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Fraction.of(-1, 2))
			.withMessage("Shares are never negative: -1/2");
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Fraction.oneOver(3).dividedBy(-2))
			.withMessage("Shares are never negative: 1/-6");
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Fraction.oneOver(3).dividedBy(0))
			.withMessage("Fraction with denominator 0");
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Fraction.ONE.dividedBy(Fraction.ZERO))
			.withMessage("Fraction divided by 0");
	}

	@Test
	void zeroShouldStayZeroAndKeepTheOtherOperand() {
		Fraction sixth = Fraction.oneOver(6);
		assertThat(sixth.plus(Fraction.ZERO)).isSameAs(sixth);
		assertThat(Fraction.ZERO.plus(sixth)).isSameAs(sixth);
		assertThat(Fraction.ZERO.dividedBy(0)).isSameAs(Fraction.ZERO);
		assertThat(Fraction.of(0, 7)).isSameAs(Fraction.ZERO).hasToString("0");
		assertThat(Fraction.of(4, 2)).hasToString("2");
	}

	private static void assertSame(Fraction actual, Reference expected) {
		assertThat(actual).hasToString(expected.toString());
		assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
		// Double.equals: NaN (beyond the double range) equals NaN
		assertThat(Double.valueOf(actual.toDouble())).isEqualTo(Double.valueOf(expected.toDouble()));
	}

	private static Pair randomPair(SplittableRandom random) {
		long numerator = random.nextInt(10) == 0 ? 0 : randomLong(random);
		long denominator = randomLong(random);
		Pair pair = new Pair(Fraction.of(numerator, denominator),
				Reference.of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator)));
		if (random.nextInt(4) == 0) {
			// a fraction past 64 bits, made by an operation that overflows
			long factor = randomLong(random);
			long divisor = randomLong(random);
			pair = new Pair(pair.fraction().times(Fraction.of(factor, 1)).dividedBy(divisor),
					pair.reference()
						.times(Reference.of(BigInteger.valueOf(factor), BigInteger.ONE))
						.dividedBy(BigInteger.valueOf(divisor)));
		}
		return pair;
	}

	/** Positive: small, medium, or close to the long range. */
	private static long randomLong(SplittableRandom random) {
		return switch (random.nextInt(3)) {
			case 0 -> 1 + random.nextInt(100);
			case 1 -> 1 + random.nextLong(1L << 32);
			default -> Long.MAX_VALUE - random.nextLong(1_000_000);
		};
	}

	private record Pair(Fraction fraction, Reference reference) {
	}

	/**
	 * Plain BigInteger arithmetic on reduced fractions, as {@link Fraction} computed
	 * before it used longs: the reference the fast arithmetic must match.
	 */
	private record Reference(BigInteger numerator, BigInteger denominator) {

		static Reference of(BigInteger numerator, BigInteger denominator) {
			if (numerator.signum() == 0) {
				return new Reference(BigInteger.ZERO, BigInteger.ONE);
			}
			BigInteger gcd = numerator.gcd(denominator);
			return new Reference(numerator.divide(gcd), denominator.divide(gcd));
		}

		boolean isZero() {
			return this.numerator.signum() == 0;
		}

		Reference plus(Reference other) {
			return of(this.numerator.multiply(other.denominator).add(other.numerator.multiply(this.denominator)),
					this.denominator.multiply(other.denominator));
		}

		Reference times(Reference other) {
			return of(this.numerator.multiply(other.numerator), this.denominator.multiply(other.denominator));
		}

		Reference dividedBy(BigInteger divisor) {
			return of(this.numerator, this.denominator.multiply(divisor));
		}

		Reference dividedBy(Reference divisor) {
			return of(this.numerator.multiply(divisor.denominator), this.denominator.multiply(divisor.numerator));
		}

		int compareTo(Reference other) {
			return this.numerator.multiply(other.denominator).compareTo(other.numerator.multiply(this.denominator));
		}

		double toDouble() {
			return this.numerator.doubleValue() / this.denominator.doubleValue();
		}

		@Override
		public int hashCode() {
			return 31 * this.numerator.hashCode() + this.denominator.hashCode();
		}

		@Override
		public String toString() {
			return this.denominator.equals(BigInteger.ONE) ? this.numerator.toString()
					: this.numerator + "/" + this.denominator;
		}

	}

}
