package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.PodDeleted;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code externalTrafficPolicy: Local} the cloud LB only learns from its probes
 * that a node lost its last local endpoint, so until {@code unhealthyThreshold} probes
 * have failed it keeps sending connections there, and the node drops them (R10, R20).
 */
class LoadBalancerLagTests {

	private static final long MOVE_AT = 10_000_000;

	private final Recorder recorder = new Recorder();

	private Simulation simulation;

	@BeforeEach
	void moveTheLastPodOffN2() {
		// a short grace period, so n2's only pod is gone long before the LB has noticed
		SimulationSettings settings = Presets.settings(1).withTimings(1_000_000, 5_000_000, 1_000_000, 500);
		this.simulation = Simulation.start(Presets.uneven310("Local"), settings);
		this.simulation.advanceTo(MOVE_AT, this.recorder);
		this.simulation.apply(new MovePod("web-4", "n3"));
		this.simulation.advanceTo(MOVE_AT + 60_000_000, this.recorder);
	}

	@Test
	void connectionsTheLbStillSendsToN2ShouldBeDroppedUntilItHasSeenTheFailedProbes() {
		long deletedAt = this.recorder.first(PodDeleted.class, (event) -> event.pod().equals("web-4")).time();
		LoadBalancerTargetChanged unhealthy = this.recorder.turnedUnhealthy("n2");
		List<ProbeAnswered> failedProbes = this.recorder.all(ProbeAnswered.class,
				(probe) -> probe.node().equals("n2") && !probe.passed() && probe.time() <= unhealthy.time());
		assertThat(failedProbes).hasSize(2);
		assertThat(failedProbes.get(1).verdict()).isEqualTo(TargetState.UNHEALTHY);
		List<ConnectionDropped> drops = this.recorder.all(ConnectionDropped.class);
		assertThat(drops).isNotEmpty()
			.allSatisfy((drop) -> assertThat(drop.node()).isEqualTo("n2"))
			.allSatisfy((drop) -> assertThat(drop.time()).isBetween(deletedAt, unhealthy.time()))
			.allSatisfy((drop) -> assertThat(drop.reason())
				.matches("n2 has no local endpoint for default/web and the load balancer has not yet marked it "
						+ "unhealthy \\([01] of 2 failed probes\\)"));
		assertThat(drops).anySatisfy((drop) -> assertThat(drop.reason()).contains("(1 of 2 failed probes)"));
		assertThat(drops.get(0).hops()).extracting(Hop::at).containsExactly(drops.get(0).clientIp(), "lb", "n2");
	}

	@Test
	void afterTheLbMarkedN2UnhealthyNoConnectionShouldGoThere() {
		long unhealthyAt = this.recorder.turnedUnhealthy("n2").time();
		assertThat(this.recorder.all(ConnectionRouted.class, (event) -> event.time() > unhealthyAt)).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.entryNode()).isNotEqualTo("n2"));
		assertThat(this.recorder.all(ConnectionDropped.class, (event) -> event.time() > unhealthyAt)).isEmpty();
	}

	@Test
	void statisticsShouldCountTheDropsByReason() {
		SimulationStatistics statistics = this.simulation.statistics();
		long drops = this.recorder.all(ConnectionDropped.class).size();
		assertThat(statistics.dropped()).isEqualTo(drops);
		assertThat(statistics.dropReasons())
			.isEqualTo(Map.of("n2: no local endpoint (externalTrafficPolicy: Local, R10)", drops));
		assertThat(statistics.countingSince()).isEqualTo(MOVE_AT);
		assertThat(statistics.exact().droppedShare().isZero()).isTrue();
	}

}
