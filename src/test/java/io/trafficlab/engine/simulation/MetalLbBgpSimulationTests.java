package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionReset;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import io.trafficlab.engine.simulation.SimulationStatistics.NodeStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MetalLB in BGP mode in the simulation: the router spreads evenly over the nodes that
 * advertise a route (ECMP per node), the speakers withdraw one sync delay after an
 * endpoint change, a killed node's route stays for the 90 s hold time, and every change
 * of the route set resets the established connections (ECMP rehash).
 */
class MetalLbBgpSimulationTests {

	private static final String REHASH = "ECMP rehash";

	@ParameterizedTest
	@ValueSource(strings = { "Local", "Cluster" })
	void on310ObservedSharesAndSourcesShouldConvergeToTheAnalyzersExact(String policy) {
		Simulation simulation = start(policy, 1_000, 500);
		Recorder recorder = Recorder.until(simulation, 30_000_000);
		SimulationStatistics statistics = simulation.statistics();
		Convergence.assertConverged(statistics);
		boolean local = policy.equals("Local");
		assertThat(statistics.nodes()).extracting(NodeStatistics::exactLbShare)
			.containsExactlyElementsOf(local ? List.of(Fraction.oneOver(2), Fraction.oneOver(2), Fraction.ZERO)
					: List.of(Fraction.oneOver(3), Fraction.oneOver(3), Fraction.oneOver(3)));
		assertThat(Convergence.pods(statistics).get("web-4").exactShare())
			.isEqualTo(local ? Fraction.oneOver(2) : Fraction.oneOver(4));
		assertThat(recorder.all(ProbeAnswered.class)).isEmpty();
		assertThat(simulation.snapshot().service().loadBalancerIps()).containsExactly("198.51.100.10");
		assertThat(simulation.snapshot().loadBalancerName()).isEqualTo("MetalLB (BGP)");
	}

	@Test
	void theLonePodLeavingShouldWithdrawN2sRouteOneSyncDelayLaterAndRehash() {
		Simulation simulation = start("Local", 1_000, 50_000);
		Recorder recorder = Recorder.after(simulation, 5_000_000, new DeletePod("web-4"), 60_000_000);
		List<ConnectionReset> resets = recorder.all(ConnectionReset.class, (reset) -> reset.reason().contains(REHASH));
		assertThat(resets).isNotEmpty();
		long withdrawn = resets.get(0).time();
		assertThat(resets).allSatisfy((reset) -> assertThat(reset.time()).isEqualTo(withdrawn));
		assertThat(withdrawn).isGreaterThanOrEqualTo(5_000_000 + simulation.settings().proxySyncDelayMicros());
		assertThat(recorder.all(ConnectionRouted.class, (routed) -> routed.time() > withdrawn)).isNotEmpty()
			.allSatisfy((routed) -> assertThat(routed.entryNode()).isEqualTo("n1"));
	}

	@Test
	void aKilledNodesRouteShouldStayForTheHoldTimeThenGo() {
		Recorder recorder = Recorder.after(start("Cluster", 200, 500), 10_000_000, new KillNode("n3"), 130_000_000);
		long expiry = 10_000_000 + BgpAdvertiser.HOLD_TIME_MICROS;
		List<ConnectionDropped> drops = recorder.all(ConnectionDropped.class);
		assertThat(drops).isNotEmpty().allSatisfy((drop) -> {
			assertThat(drop.node()).isEqualTo("n3");
			assertThat(drop.time()).isLessThan(expiry);
			assertThat(drop.reason()).contains("keeps the route through n3 until the hold time");
		});
		assertThat(drops.get(drops.size() - 1).time()).isGreaterThan(expiry - 5_000_000);
		assertThat(recorder.all(ConnectionRouted.class, (routed) -> routed.time() > expiry)).isNotEmpty()
			.allSatisfy((routed) -> assertThat(routed.entryNode()).isIn("n1", "n2"));
	}

	@Test
	void statisticsAndSnapshotShouldNameTheRoutesTheRouterHoldsNow() {
		Simulation simulation = start("Cluster", 200, 500);
		simulation.advanceTo(10_000_000, EventSink.NONE);
		assertThat(simulation.statistics().advertisingNodes()).containsExactly("n1", "n2", "n3");
		simulation.apply(new KillNode("n3"));
		simulation.advanceTo(60_000_000, EventSink.NONE);
		// n3's speaker is dead and cannot withdraw: the router keeps its route for the
		// hold time
		assertThat(simulation.statistics().advertisingNodes()).containsExactly("n1", "n2", "n3");
		assertThat(simulation.snapshot().advertisingNodes()).containsExactly("n1", "n2", "n3");
		simulation.advanceTo(10_000_000 + BgpAdvertiser.HOLD_TIME_MICROS + 1_000_000, EventSink.NONE);
		assertThat(simulation.statistics().advertisingNodes()).containsExactly("n1", "n2");
		assertThat(simulation.snapshot().advertisingNodes()).containsExactly("n1", "n2");
	}

	@Test
	void withNoEndpointNoNodeShouldAdvertise() {
		EmptiedService.assertEveryConnectionDropped(start("Local", 200, 500), 60_000_000, 70_000_000,
				"no node advertises 198.51.100.10 over BGP",
				"no node advertises 198.51.100.10: the router has no route");
	}

	private static Simulation start(String policy, double connectionsPerSecond, long hopLatencyMicros) {
		SimulationSettings settings = Presets.settings(19)
			.withConnectionsPerSecond(connectionsPerSecond)
			.withKind(LoadBalancerKind.METALLB_BGP);
		return Simulation.start(Presets.uneven310(policy), settings.withTimings(settings.proxySyncDelayMicros(),
				settings.podStartupMicros(), settings.terminationGraceMicros(), hopLatencyMicros));
	}

}
