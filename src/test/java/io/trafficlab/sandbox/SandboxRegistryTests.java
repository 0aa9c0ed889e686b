package io.trafficlab.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.trafficlab.TestManifests;
import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SandboxRegistry}: the cap, idle expiry on an injected clock, ids,
 * isolation and limits.
 */
class SandboxRegistryTests {

	private static final PresetCatalog PRESETS = new PresetCatalog();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final List<Object> published = new ArrayList<>();

	@Test
	void createWhenAtTheCapShouldRefuseWith503AndSayWhy() {
		SandboxRegistry registry = registry(SandboxProperties.defaults().withMaxLive(2));
		registry.createFromPreset(null, 1L);
		registry.createFromPreset(null, 2L);
		assertThatExceptionOfType(SandboxRequestException.class).isThrownBy(() -> registry.createFromPreset(null, 3L))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.withMessageContaining("limit of 2 live sandboxes");
		assertThat(registry.size()).isEqualTo(2);
	}

	@Test
	void createWhenAtTheCapButOneIsIdleShouldEndItFirst() {
		SandboxRegistry registry = registry(SandboxProperties.defaults().withMaxLive(1));
		Sandbox old = registry.createFromPreset(null, 1L);
		this.clock.advance(Duration.ofMinutes(31));
		Sandbox fresh = registry.createFromPreset(null, 2L);
		assertThat(registry.find(old.id())).isEmpty();
		assertThat(registry.find(fresh.id())).contains(fresh);
	}

	@Test
	void endIdleWhenUnusedForThirtyMinutesShouldEndTheSandbox() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		Sandbox sandbox = registry.createFromPreset(null, 1L);
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(registry.endIdle()).isZero();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(registry.endIdle()).isEqualTo(1);
		assertThat(registry.find(sandbox.id())).isEmpty();
		assertThatExceptionOfType(SandboxRequestException.class).isThrownBy(() -> registry.get(sandbox.id()))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void endIdleWhenUsedOrWatchedMeanwhileShouldKeepTheSandbox() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		Sandbox used = registry.createFromPreset(null, 1L);
		Sandbox watched = registry.createFromPreset(null, 2L);
		this.clock.advance(Duration.ofMinutes(20));
		registry.get(used.id());
		registry.keepAlive(watched);
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(registry.endIdle()).isZero();
		assertThat(registry.size()).isEqualTo(2);
	}

	@Test
	void endIdleWhenNobodyEverUsedOrWatchedTheSandboxShouldEndItAfterTheShortTimeout() {
		SandboxRegistry registry = new SandboxRegistry(SandboxProperties.defaults(),
				SandboxCreationProperties.defaults(), PRESETS, new ClusterReader(new ManifestImporter()), this.clock,
				this.published::add, ThisInstance.single());
		Sandbox unused = registry.createFromPreset(null, 1L);
		Sandbox watched = registry.createFromPreset(null, 2L);
		Sandbox used = registry.createFromPreset(null, 3L);
		this.clock.advance(Duration.ofSeconds(30));
		registry.keepAlive(watched);
		registry.get(used.id());
		this.clock.advance(Duration.ofSeconds(80));
		assertThat(registry.endIdle()).isZero();
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(registry.endIdle()).isEqualTo(1);
		assertThat(registry.live()).containsExactlyInAnyOrder(watched, used);
		this.clock.advance(Duration.ofMinutes(28));
		assertThat(registry.endIdle()).isZero();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(registry.endIdle()).isEqualTo(2);
		assertThat(registry.find(unused.id())).isEmpty();
	}

	@Test
	void createShouldHandOutDistinctUrlSafeIdsOf128Bits() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			ids.add(registry.createFromPreset("empty", (long) i).id());
		}
		assertThat(ids).hasSize(20).allSatisfy((id) -> assertThat(id).matches("[A-Za-z0-9_-]{22}"));
		assertThat(this.published).hasSize(20)
			.allSatisfy((event) -> assertThat(event).isInstanceOf(SandboxCreated.class));
	}

	@Test
	void commandsWhenAppliedToOneSandboxShouldLeaveAnotherUntouched() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		Sandbox a = registry.createFromPreset(null, 1L);
		Sandbox b = registry.createFromPreset(null, 1L);
		String node = b.snapshot().simulation().nodes().get(0).name();
		a.apply(new SimulationCommand.CordonNode(node, true));
		a.pause();
		a.speed(10);
		assertThat(a.snapshot().simulation().nodes().get(0).cordoned()).isTrue();
		assertThat(b.snapshot().simulation().nodes().get(0).cordoned()).isFalse();
		assertThat(b.snapshot().paused()).isFalse();
		assertThat(b.snapshot().speed()).isEqualTo(1);
	}

	@Test
	void createWhenManifestsHaveMoreNodesThanAllowedShouldRefuseWith422NamingTheLimit() {
		SandboxRegistry registry = registry(new SandboxProperties(500, Duration.ofMinutes(30), 2, 200, 200, 400,
				Duration.ofMillis(50), Duration.ofMillis(250)));
		assertThatExceptionOfType(SandboxRequestException.class)
			.isThrownBy(() -> registry.createFromManifests(TestManifests.uneven310(), 1L))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT))
			.withMessage("The cluster has 3 nodes; a sandbox holds at most 2 nodes.");
		assertThat(registry.size()).isZero();
	}

	@Test
	void applyWhenAddingANodeBeyondTheLimitShouldRefuseWith422() {
		SandboxRegistry registry = registry(new SandboxProperties(500, Duration.ofMinutes(30), 3, 200, 200, 400,
				Duration.ofMillis(50), Duration.ofMillis(250)));
		Sandbox sandbox = registry.createFromPreset(null, 1L);
		assertThatExceptionOfType(SandboxRequestException.class)
			.isThrownBy(() -> sandbox.apply(new SimulationCommand.AddNode(null)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT))
			.withMessageContaining("at most 3 nodes");
	}

	@Test
	void applyWhenClientRateAboveTheLimitShouldRefuseWith400NamingTheParameter() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		Sandbox sandbox = registry.createFromPreset(null, 1L);
		assertThatExceptionOfType(SandboxRequestException.class)
			.isThrownBy(() -> sandbox.apply(new SimulationCommand.SetClientRate(201)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST))
			.withMessage("Query parameter 'perSecond' must be between 0 and 200 new connections per second (got 201).");
	}

	@Test
	void createWhenPresetUnknownShouldRefuseWith400ListingThePresets() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		assertThatExceptionOfType(SandboxRequestException.class)
			.isThrownBy(() -> registry.createFromPreset("nope", null))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST))
			.withMessageContaining("'preset' must be one of: two-pods-three-nodes, ")
			.withMessageContaining("uneven-3-1-0");
	}

	@Test
	void resetShouldStartOverWithTheSameSeedAsANewGeneration() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		Sandbox sandbox = registry.createFromPreset(null, 7L);
		sandbox.tick(2_000_000, 0, false);
		assertThat(sandbox.snapshot().simulation().now()).isEqualTo(2_000_000);
		registry.reset(sandbox);
		SandboxSnapshot snapshot = sandbox.snapshot();
		assertThat(snapshot.simulation().now()).isZero();
		assertThat(snapshot.generation()).isEqualTo(1);
		assertThat(snapshot.simulation().settings().seed()).isEqualTo(7);
	}

	@Test
	void endShouldRemoveOnlyThatSandbox() {
		SandboxRegistry registry = registry(SandboxProperties.defaults());
		Sandbox a = registry.createFromPreset(null, 1L);
		Sandbox b = registry.createFromPreset(null, 2L);
		assertThat(registry.end(a.id())).isTrue();
		assertThat(registry.end(a.id())).isFalse();
		assertThat(registry.live()).containsExactly(b);
	}

	private SandboxRegistry registry(SandboxProperties properties) {
		return new SandboxRegistry(properties, PRESETS, new ClusterReader(new ManifestImporter()), this.clock,
				this.published::add);
	}

}
