package io.trafficlab.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IdleSandboxReaper}: it ends idle sandboxes, tells whoever follows
 * them, and sweeps by itself while it runs.
 */
class IdleSandboxReaperTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final List<Object> published = new ArrayList<>();

	private final SandboxRegistry registry = TestSandboxes.registry(this.clock, this::publish);

	private final IdleSandboxReaper reaper = new IdleSandboxReaper(this.registry);

	@AfterEach
	void stop() {
		this.reaper.stop();
		this.reaper.destroy();
	}

	@Test
	void sweepWhenASandboxIsIdleLongerThanTheTimeoutShouldEndItAndSaySo() {
		Sandbox idle = this.registry.createFromPreset(null, 1L);
		this.clock.advance(Duration.ofMinutes(20));
		Sandbox used = this.registry.createFromPreset(null, 2L);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.reaper.sweep()).isEqualTo(1);
		assertThat(this.registry.find(idle.id())).isEmpty();
		assertThat(this.registry.find(used.id())).contains(used);
		assertThat(this.published).contains(new SandboxEnded(idle.id()));
	}

	@Test
	void reaperWhenStartedShouldSweepByItselfUntilStopped() {
		Sandbox idle = this.registry.createFromPreset(null, 1L);
		this.clock.advance(Duration.ofMinutes(31));
		this.reaper.start();
		assertThat(this.reaper.isRunning()).isTrue();
		awaitEmpty(Duration.ofSeconds(5));
		assertThat(this.registry.find(idle.id())).isEmpty();
		this.reaper.stop();
		assertThat(this.reaper.isRunning()).isFalse();
	}

	private synchronized void publish(Object event) {
		this.published.add(event);
	}

	private void awaitEmpty(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.registry.size() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
