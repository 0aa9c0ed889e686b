package io.trafficlab.stream;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TickPacer}: firings on schedule tick, the back-to-back firings of a
 * fixed-rate schedule catching up after a stall are skipped and counted.
 */
class TickPacerTests {

	private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(50);

	private final TickPacer pacer = new TickPacer(INTERVAL);

	@Test
	void firingsOnScheduleShouldAllTick() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.pacer.tickAt(1_000_000_000L + i * INTERVAL)).isTrue();
		}
		assertThat(this.pacer.takeSkipped()).isZero();
	}

	@Test
	void catchUpFiringsAfterAStallShouldBeSkippedUntilTheScheduleIsBackOnTime() {
		long start = 1_000_000_000L;
		assertThat(this.pacer.tickAt(start)).isTrue();
		// a 1 s stall: the late firing ticks, the 19 missed ones fire within a
		// millisecond
		long late = start + TimeUnit.SECONDS.toNanos(1);
		assertThat(this.pacer.tickAt(late)).isTrue();
		for (int i = 1; i < 20; i++) {
			assertThat(this.pacer.tickAt(late + i * 50_000L)).isFalse();
		}
		assertThat(this.pacer.tickAt(late + INTERVAL)).isTrue();
		assertThat(this.pacer.takeSkipped()).isEqualTo(19);
		assertThat(this.pacer.takeSkipped()).isZero();
	}

	@Test
	void aFiringSlightlyEarlyShouldStillTick() {
		assertThat(this.pacer.tickAt(0)).isTrue();
		assertThat(this.pacer.tickAt(INTERVAL - TimeUnit.MILLISECONDS.toNanos(20))).isTrue();
	}

}
