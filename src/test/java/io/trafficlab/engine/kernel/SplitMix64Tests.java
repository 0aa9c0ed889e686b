package io.trafficlab.engine.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SplitMix64Tests {

	@Test
	void nextLongWhenSeededAlikeShouldGiveTheSameSequence() {
		SplitMix64 a = new SplitMix64(42);
		SplitMix64 b = new SplitMix64(42);
		for (int i = 0; i < 100; i++) {
			assertThat(a.nextLong()).isEqualTo(b.nextLong());
		}
		assertThat(new SplitMix64(43).nextLong()).isNotEqualTo(new SplitMix64(42).nextLong());
	}

	@Test
	void nextLongShouldMatchTheReferenceSplitMix64() {
		// the first outputs of SplitMix64 seeded with 0 (Vigna's reference
		// implementation)
		SplitMix64 random = new SplitMix64(0);
		assertThat(random.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
		assertThat(random.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
	}

	@Test
	void nextIntShouldStayInBoundAndBeUniform() {
		SplitMix64 random = new SplitMix64(1);
		int[] counts = new int[3];
		for (int i = 0; i < 300_000; i++) {
			counts[random.nextInt(3)]++;
		}
		for (int count : counts) {
			assertThat(count / 300_000.0).isCloseTo(1 / 3.0, within(0.005));
		}
		for (int i = 0; i < 1000; i++) {
			assertThat(random.nextInt(8)).isBetween(0, 7);
		}
	}

	@Test
	void nextExponentialShouldHaveTheGivenMean() {
		SplitMix64 random = new SplitMix64(3);
		double sum = 0;
		for (int i = 0; i < 200_000; i++) {
			sum += random.nextExponential(1000);
		}
		assertThat(sum / 200_000).isCloseTo(1000, within(10.0));
	}

}
