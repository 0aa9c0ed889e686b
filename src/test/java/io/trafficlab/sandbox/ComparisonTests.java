package io.trafficlab.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationSnapshot;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Comparison} through {@link Sandbox}: a command applies to both sides
 * or to neither, and one tick advances both clocks.
 */
class ComparisonTests {

	private final SandboxRegistry registry = TestSandboxes.registry();

	private final ClusterReader reader = new ClusterReader(new ManifestImporter());

	@Test
	void aCommandOneSideRefusesShouldChangeNeitherSide() {
		Sandbox left = this.registry.createFromPreset("uneven-3-1-0", 1L);
		Sandbox right = this.registry.createFromPreset("uneven-3-1-0", 1L);
		// the sides differ only to make one refuse: the right runs two Deployment pods,
		// the left bare pods web-1..web-4
		left.compareWith(right, leftThen(declaration("two-pods-three-nodes")));
		left.pause();
		SimulationSnapshot leftBefore = left.snapshot().simulation();
		SimulationSnapshot rightBefore = right.snapshot().simulation();

		assertThatExceptionOfType(SandboxRequestException.class)
			.isThrownBy(() -> left.apply(new SimulationCommand.MovePod("web-4", "n3")))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST))
			.withMessageStartingWith("There is no pod \"web-4\"");
		assertThatExceptionOfType(SandboxRequestException.class)
			.isThrownBy(() -> right.apply(new SimulationCommand.ScaleReplicas(3)))
			.withMessageContaining("cannot be scaled");

		assertThat(left.snapshot().simulation()).isEqualTo(leftBefore);
		assertThat(right.snapshot().simulation()).isEqualTo(rightBefore);
	}

	@Test
	void aStartOneSideRefusesShouldChangeNeitherSide() {
		Sandbox left = this.registry.createFromPreset("uneven-3-1-0", 1L);
		Sandbox right = this.registry.compare(left);
		long generation = left.generation();
		AtomicInteger starts = new AtomicInteger();
		Function<SandboxSource, Simulation> failsOnTheRight = (source) -> {
			if (starts.incrementAndGet() == 2) {
				throw SandboxRequestException.unprocessable("the right side cannot start");
			}
			return Simulation.start(source.declaration(), source.settings());
		};
		assertThatExceptionOfType(SandboxRequestException.class).isThrownBy(() -> left.reset(failsOnTheRight));
		assertThat(left.generation()).isEqualTo(generation);
		assertThat(right.generation()).isEqualTo(generation);
	}

	@Test
	void theLeftSidesTickShouldAdvanceBothClocks() {
		Sandbox left = this.registry.createFromPreset("uneven-3-1-0", 1L);
		Sandbox right = this.registry.compare(left);
		assertThat(right.tick(50_000, 0, true)).isNotNull();
		assertThat(right.snapshot().simulation().now()).isZero();
		left.tick(50_000, 0, true);
		assertThat(left.snapshot().simulation().now()).isEqualTo(50_000);
		assertThat(right.snapshot().simulation().now()).isEqualTo(50_000);
		assertThat(right.tick(50_000, 0, true).simTime()).isEqualTo(50_000);
	}

	@Test
	void theSidesShouldRunClusterAndLocalAndKeepThemAfterAReset() {
		Sandbox left = this.registry.createFromPreset("uneven-3-1-0", 1L);
		Sandbox right = this.registry.compare(left);
		this.registry.reset(right);
		assertThat(left.snapshot().simulation().service().externalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
		assertThat(right.snapshot().simulation().service().externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(right.snapshot().simulation().pods()).hasSameSizeAs(left.snapshot().simulation().pods());
		assertThat(right.snapshot().simulation().settings().seed()).isEqualTo(1);
	}

	@Test
	void commandsToTheFirstSideShouldKeepTheSecondAliveAndEndingTheFirstShouldEndIt() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		SandboxRegistry registry = TestSandboxes.registry(clock, (event) -> {
		});
		Sandbox left = registry.createFromPreset("uneven-3-1-0", 1L);
		Sandbox right = registry.compare(left);
		clock.advance(Duration.ofMinutes(20));
		registry.get(left.id());
		clock.advance(Duration.ofMinutes(20));
		assertThat(registry.endIdle()).isZero();
		registry.end(left.id());
		assertThat(registry.find(right.id())).isEmpty();
	}

	/** Starts the left side from its source and the right side from {@code right}. */
	private static Function<SandboxSource, Simulation> leftThen(ClusterDeclaration right) {
		AtomicInteger starts = new AtomicInteger();
		return (source) -> Simulation.start((starts.incrementAndGet() == 1) ? source.declaration() : right,
				source.settings());
	}

	private ClusterDeclaration declaration(String preset) {
		return this.reader.read(TestSandboxes.presets().find(preset).orElseThrow().manifests());
	}

}
