package io.trafficlab.embed.oembed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OEmbedSizeTests {

	private static final OEmbedSize PLAYGROUND = new OEmbedSize(800, 560);

	@Test
	void withoutMaximaTheDefaultSizeStays() {
		assertThat(PLAYGROUND.fit(null, null)).isEqualTo(PLAYGROUND);
		assertThat(PLAYGROUND.fit(2000, 1500)).as("maxima larger than the default").isEqualTo(PLAYGROUND);
	}

	@Test
	void aSmallerMaximumScalesKeepingTheProportions() {
		assertThat(PLAYGROUND.fit(640, null)).isEqualTo(new OEmbedSize(640, 448));
		assertThat(PLAYGROUND.fit(null, 400)).isEqualTo(new OEmbedSize(571, 400));
		assertThat(PLAYGROUND.fit(700, 420)).as("the tighter maximum decides").isEqualTo(new OEmbedSize(600, 420));
	}

	@Test
	void theMinimumHoldsOnlyWhereTheMaximaAllowIt() {
		assertThat(PLAYGROUND.fit(600, 300)).as("428 wide at scale, raised to 480; the height stays within 300")
			.isEqualTo(new OEmbedSize(480, 300));
		assertThat(PLAYGROUND.fit(null, 200)).isEqualTo(new OEmbedSize(480, 200));
		assertThat(PLAYGROUND.fit(100, null)).as("a maximum below the minimum wins")
			.isEqualTo(new OEmbedSize(100, 320));
		assertThat(PLAYGROUND.fit(100, 50)).isEqualTo(new OEmbedSize(100, 50));
	}

	@Test
	void neverLargerThanAGivenMaximum() {
		for (int max = 1; max <= 1200; max += 7) {
			OEmbedSize wide = PLAYGROUND.fit(max, null);
			OEmbedSize tall = PLAYGROUND.fit(null, max);
			OEmbedSize both = new OEmbedSize(1000, 700).fit(max, max / 2 + 1);
			assertThat(wide.width()).isLessThanOrEqualTo(max).isPositive();
			assertThat(tall.height()).isLessThanOrEqualTo(max).isPositive();
			assertThat(both.width()).isLessThanOrEqualTo(max);
			assertThat(both.height()).isLessThanOrEqualTo(max / 2 + 1);
		}
	}

}
