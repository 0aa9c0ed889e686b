package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Fraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-zone spreading with cross-zone off, on, and failing open. */
class ZoneSpreadTests {

	@Test
	void sharesShouldGoPerHealthyZoneThenPerTarget() {
		assertThat(ZoneSpread.shares(new String[] { "a", "a", "b", "c" }, new boolean[] { true, true, true, false },
				false, true))
			.containsExactly(Fraction.of(1, 4), Fraction.of(1, 4), Fraction.of(1, 2), Fraction.ZERO);
	}

	@Test
	void sharesWithCrossZoneShouldBeEvenOverHealthyTargets() {
		assertThat(ZoneSpread.shares(new String[] { "a", "a", "b" }, new boolean[] { true, true, true }, true, true))
			.containsOnly(Fraction.of(1, 3));
	}

	@Test
	void sharesWhenNothingIsHealthyShouldFailOpenPerZoneOrSendNothing() {
		String[] zones = { "a", "a", "b" };
		boolean[] none = { false, false, false };
		assertThat(ZoneSpread.shares(zones, none, false, true)).containsExactly(Fraction.of(1, 4), Fraction.of(1, 4),
				Fraction.of(1, 2));
		assertThat(ZoneSpread.shares(zones, none, false, false)).containsOnly(Fraction.ZERO);
	}

}
