package io.trafficlab.sandbox;

import java.time.Instant;

import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationEvent;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Sandbox#tick}: clock, batches and their numbering.
 */
class SandboxTickTests {

	private final SandboxRegistry registry = new SandboxRegistry(SandboxProperties.defaults(), new PresetCatalog(),
			new ClusterReader(new ManifestImporter()), new MutableClock(Instant.EPOCH), (event) -> {
			});

	@Test
	void stepWhenTheQueueIsFullShouldSayHowManyWaitInsteadOfAnEmptyRange() {
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		sandbox.step(Sandbox.MAX_PENDING_STEPS - 1);
		assertThatExceptionOfType(SandboxRequestException.class).isThrownBy(() -> sandbox.step(5))
			.withMessage("Only 1 more step fits before the next tick: 99 of at most 100 wait already (got count 5). "
					+ "Step again after the next tick.");
		sandbox.step(1);
		assertThatExceptionOfType(SandboxRequestException.class).isThrownBy(() -> sandbox.step(1))
			.withMessage("No more steps fit before the next tick: 100 of at most 100 wait already (got count 1). "
					+ "Step again after the next tick.")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("between 1 and 0"));
	}

	@Test
	void tickWhenWatchedShouldAdvanceByIntervalTimesSpeedAndNumberBatchesWithoutGaps() {
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		sandbox.speed(2);
		EventBatch first = sandbox.tick(50_000, 1_000, true);
		EventBatch second = sandbox.tick(50_000, 1_050, true);
		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(first.seq()).isEqualTo(1);
		assertThat(second.seq()).isEqualTo(2);
		assertThat(second.simTime()).isEqualTo(200_000);
		assertThat(second.tickWallTime()).isEqualTo(1_050);
		assertThat(sandbox.snapshot().seq()).isEqualTo(2);
	}

	@Test
	void tickWhenUnwatchedShouldKeepTheClockRunningWithoutBatches() {
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		assertThat(sandbox.tick(50_000, 0, false)).isNull();
		assertThat(sandbox.snapshot().simulation().now()).isEqualTo(50_000);
		assertThat(sandbox.snapshot().seq()).isZero();
	}

	@Test
	void tickWhenPausedShouldStandStillUntilAStepIsAskedFor() {
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		sandbox.pause();
		assertThat(sandbox.tick(50_000, 0, true)).isNull();
		assertThat(sandbox.snapshot().simulation().now()).isZero();
		sandbox.step(1);
		EventBatch stepped = sandbox.tick(50_000, 0, true);
		assertThat(stepped).isNotNull();
		assertThat(stepped.events()).hasSizeLessThanOrEqualTo(1);
		assertThat(stepped.simTime()).isEqualTo(sandbox.snapshot().simulation().now());
	}

	@Test
	void tickWhenPausedShouldStillTellWhatACommandCausedAtTheCurrentInstant() {
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		sandbox.pause();
		sandbox.apply(new SimulationCommand.SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		EventBatch batch = sandbox.tick(50_000, 0, true);
		assertThat(batch).isNotNull();
		assertThat(batch.simTime()).isZero();
		assertThat(batch.events())
			.anySatisfy((event) -> assertThat(event).isInstanceOf(SimulationEvent.ServiceUpdated.class));
		assertThat(sandbox.tick(50_000, 0, true)).isNull();
	}

	@Test
	void tickWhenPausedAfterAResetShouldAnnounceTheNewGeneration() {
		Sandbox sandbox = this.registry.createFromPreset(null, 1L);
		sandbox.tick(50_000, 0, true);
		sandbox.pause();
		this.registry.reset(sandbox);
		EventBatch batch = sandbox.tick(50_000, 0, true);
		assertThat(batch).isNotNull();
		assertThat(batch.generation()).isEqualTo(1);
		assertThat(batch.seq()).isEqualTo(2);
	}

	@Test
	void tickWhenMoreEventsThanABatchHoldsShouldCountTheRestByType() {
		SandboxRegistry small = new SandboxRegistry(
				new SandboxProperties(10, java.time.Duration.ofMinutes(30), 20, 200, 200, 5,
						java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(250)),
				new PresetCatalog(), new ClusterReader(new ManifestImporter()), new MutableClock(Instant.EPOCH),
				(event) -> {
				});
		Sandbox sandbox = small.createFromPreset("six-replicas-spread", 1L);
		sandbox.apply(new SimulationCommand.SetClientRate(200));
		EventBatch batch = sandbox.tick(1_000_000, 0, true);
		assertThat(batch).isNotNull();
		assertThat(batch.events()).hasSize(5);
		assertThat(batch.missed().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
	}

}
