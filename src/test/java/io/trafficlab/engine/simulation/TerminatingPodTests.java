package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.function.Predicate;

import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionReset;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.ProxyRulesSynced;
import io.trafficlab.engine.simulation.SimulationStatistics.HealthCheckRow;
import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose only pod is terminating fails its health check (R17) but keeps serving
 * what still arrives through its Local set's fallback to serving-terminating endpoints
 * (R4); conntrack keeps established connections on their pod.
 */
class TerminatingPodTests {

	/** 100 ms per hop: a connection lives 700 ms, so some are in flight at any moment. */
	private static final SimulationSettings SLOW_HOPS = Presets.settings(2)
		.withTimings(1_000_000, 5_000_000, 30_000_000, 100_000);

	/**
	 * The same with the NLB's unhealthy-target connection termination off: since issue 11
	 * the default NLB resets n2's established connections when it marks n2 unhealthy
	 * ({@link #theNlbShouldResetEstablishedConnectionsWhenItMarksTheNodeUnhealthy()}), so
	 * the two tests below, which say nothing is reset, hold with the attribute off.
	 */
	private static final SimulationSettings SLOW_HOPS_NO_RESET = SLOW_HOPS
		.withNlb(NlbAttributes.awsDefaults().withResetOnUnhealthy(false));

	@Test
	void theNlbShouldResetEstablishedConnectionsWhenItMarksTheNodeUnhealthy() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), SLOW_HOPS);
		Recorder recorder = Recorder.around(simulation, 10_000_000, new DeletePod("web-4"), 60_000_000);
		long unhealthyAt = recorder.turnedUnhealthy("n2").time();
		List<Long> openAtTheFlip = recorder
			.all(ConnectionRouted.class,
					(event) -> event.entryNode().equals("n2") && event.time() < unhealthyAt
							&& event.completesAt() > unhealthyAt)
			.stream()
			.map(ConnectionRouted::connection)
			.toList();
		assertThat(openAtTheFlip).isNotEmpty();
		List<ConnectionReset> resets = recorder.all(ConnectionReset.class);
		assertThat(resets).extracting(ConnectionReset::connection).containsExactlyInAnyOrderElementsOf(openAtTheFlip);
		assertThat(resets).allSatisfy((reset) -> {
			assertThat(reset.time()).isEqualTo(unhealthyAt);
			assertThat(reset.pod()).isEqualTo("web-4");
			assertThat(reset.reason()).isEqualTo("the load balancer marked n2 unhealthy and sends a TCP RST on its "
					+ "established client connections (target_health_state.unhealthy.connection_termination.enabled, "
					+ "on by default)");
		});
		assertThat(recorder.all(ConnectionDropped.class)).isEmpty();
	}

	@Test
	void nodeWithOnlyATerminatingPodShouldAnswer503YetDrainWhatTheLbStillSends() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), SLOW_HOPS_NO_RESET);
		Recorder recorder = Recorder.until(simulation, 10_000_000);
		simulation.apply(new DeletePod("web-4"));
		long syncedAt = 11_000_000;
		simulation.advanceTo(syncedAt, recorder);
		ProxyRulesSynced n2 = recorder.first(ProxyRulesSynced.class,
				(event) -> event.node().equals("n2") && event.time() == syncedAt);
		assertThat(n2.localEndpoints()).containsExactly("10.244.2.10");
		HealthCheckRow row = simulation.statistics()
			.healthChecks()
			.stream()
			.filter((check) -> check.node().equals("n2"))
			.findFirst()
			.orElseThrow();
		assertThat(row.healthCheck().status()).isEqualTo(503);
		assertThat(row.healthCheck().headers()).containsEntry("X-Load-Balancing-Endpoint-Weight", "0");
		NodeState state = simulation.snapshot().nodes().get(1);
		assertThat(state.probeStatus()).isEqualTo(503);
		assertThat(simulation.snapshot().pods().get(3).status()).isEqualTo(PodStatus.TERMINATING);
		simulation.advanceTo(60_000_000, recorder);
		long unhealthyAt = recorder.turnedUnhealthy("n2").time();
		List<ConnectionRouted> drained = recorder.all(ConnectionRouted.class,
				(event) -> event.entryNode().equals("n2") && event.time() > syncedAt);
		assertThat(drained).isNotEmpty().allSatisfy((event) -> {
			assertThat(event.pod()).isEqualTo("web-4");
			assertThat(event.time()).isLessThan(unhealthyAt);
			assertThat(event.hops().get(2).reason()).contains("all serving-terminating: R4 fallback");
		});
		assertThat(recorder.all(ConnectionDropped.class)).isEmpty();
		assertThat(recorder.all(ConnectionReset.class)).isEmpty();
	}

	@Test
	void connectionsEstablishedBeforeTerminationShouldCompleteOnTheTerminatingPod() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), SLOW_HOPS_NO_RESET);
		Recorder recorder = Recorder.until(simulation, 10_000_000);
		List<ConnectionRouted> inFlight = openAtTenSeconds(recorder, (event) -> event.pod().equals("web-4"));
		assertThat(simulation.snapshot().nodes().get(1).conntrackEntries()).isEqualTo(inFlight.size());
		simulation.apply(new DeletePod("web-4"));
		simulation.advanceTo(45_000_000, recorder);
		assertThat(recorder.all(ConnectionReset.class)).isEmpty();
		assertThat(simulation.snapshot().nodes().get(1).conntrackEntries()).isZero();
	}

	@Test
	void connectionsOnAKilledNodeShouldBeReset() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), SLOW_HOPS);
		Recorder recorder = Recorder.until(simulation, 10_000_000);
		List<ConnectionRouted> inFlight = openAtTenSeconds(recorder, (event) -> event.entryNode().equals("n2"));
		simulation.apply(new KillNode("n2"));
		simulation.advanceTo(10_000_001, recorder);
		assertThat(recorder.all(ConnectionReset.class)).extracting(ConnectionReset::connection)
			.containsExactlyInAnyOrderElementsOf(inFlight.stream().map(ConnectionRouted::connection).toList());
		assertThat(recorder.all(ConnectionReset.class)).allSatisfy((reset) -> {
			assertThat(reset.pod()).isEqualTo("web-4");
			assertThat(reset.reason()).isEqualTo("n2 died");
		});
		assertThat(simulation.statistics().resets()).isEqualTo(inFlight.size());
	}

	/**
	 * The connections recorded (until 10 s) that {@code which} picks and that complete
	 * after 10 s; there are some.
	 */
	private static List<ConnectionRouted> openAtTenSeconds(Recorder recorder, Predicate<ConnectionRouted> which) {
		List<ConnectionRouted> open = recorder.all(ConnectionRouted.class,
				(event) -> which.test(event) && event.completesAt() > 10_000_000);
		assertThat(open).isNotEmpty();
		return open;
	}

}
