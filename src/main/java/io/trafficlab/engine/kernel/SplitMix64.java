package io.trafficlab.engine.kernel;

/**
 * A seeded, splittable 64-bit random source (Steele, Lea and Flood's SplitMix64, the
 * generator behind {@code java.util.SplittableRandom}): the same seed always gives the
 * same sequence, on every JVM. Not thread-safe; allocates nothing per draw.
 */
public final class SplitMix64 {

	private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

	private static final double DOUBLE_UNIT = 0x1.0p-53;

	private long state;

	public SplitMix64(long seed) {
		this.state = seed;
	}

	/** The next 64 random bits. */
	public long nextLong() {
		long z = (this.state += GOLDEN_GAMMA);
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** A uniform integer in {@code [0, bound)}, without modulo bias. */
	public int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive, not " + bound);
		}
		int r = (int) (nextLong() >>> 33);
		int m = bound - 1;
		if ((bound & m) == 0) {
			return (int) ((bound * (long) r) >> 31);
		}
		for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) {
			// rejected: u fell in the incomplete last block
		}
		return r;
	}

	/** A uniform double in {@code [0, 1)}, with 53 random bits. */
	public double nextDouble() {
		return (nextLong() >>> 11) * DOUBLE_UNIT;
	}

	/**
	 * An exponentially distributed wait with the given mean (the gap between Poisson
	 * arrivals).
	 */
	public double nextExponential(double mean) {
		return -mean * Math.log1p(-nextDouble());
	}

	/** A new, independent generator seeded from this one's next value. */
	public SplitMix64 split() {
		return new SplitMix64(nextLong());
	}

}
