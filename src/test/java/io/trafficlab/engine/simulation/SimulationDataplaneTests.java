package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.DataplaneChanged;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The dataplane in the simulation: on 3/1/0 under Cluster behind the AWS NLB (one node
 * per zone, so the per-zone spreading is a third per node), the exact sources are the
 * analyzer's (research §7.3 D1 and D2) and the simulated connections see them.
 */
class SimulationDataplaneTests {

	private static final String CLIENT = "203.0.113.10";

	private static Fraction twelfth() {
		return Fraction.oneOver(12);
	}

	@Test
	void ciliumSnatShouldKeepTheSourceForALocalBackendAndSnatToTheEntryNodeForARemoteOne() {
		Simulation simulation = run(Dataplane.CILIUM_SNAT);
		Convergence.assertExactSourcesSeen(simulation.statistics(),
				Map.of(CLIENT, twelfth(), "192.168.0.12", twelfth(), "192.168.0.13", twelfth()),
				Map.of(CLIENT, twelfth(), "192.168.0.11", twelfth(), "192.168.0.13", twelfth()));
	}

	@Test
	void ciliumDsrShouldNeverSnat() {
		Simulation simulation = run(Dataplane.CILIUM_DSR);
		for (PodStatistics pod : simulation.statistics().pods()) {
			assertThat(pod.exactSourcesSeen()).as(pod.pod()).isEqualTo(Map.of(CLIENT, Fraction.oneOver(4)));
			assertThat(pod.sourcesSeen()).as(pod.pod()).containsOnlyKeys(CLIENT);
		}
		ConvergenceTests.assertObservedSourcesMatchExact(simulation.statistics());
	}

	@Test
	void dsrReplyShouldGoFromThePodsNodeStraightToTheClient() {
		ConnectionRouted remote = SingleClientRuns.firstRemote(CLIENT,
				(settings) -> settings.withDataplane(Dataplane.CILIUM_DSR), 2_000_000);
		assertThat(remote.sourceSeen()).isEqualTo(CLIENT);
		List<Hop> replies = remote.hops().stream().filter((hop) -> hop.direction() == Hop.Direction.REPLY).toList();
		assertThat(replies).extracting(Hop::at).containsExactly(remote.pod(), remote.node(), CLIENT);
		assertThat(replies.get(1).reason()).startsWith("Cilium DSR: " + remote.node());
		assertThat(replies.get(1).dstAfter()).startsWith(CLIENT + ":");
		assertThat(remote.completesAt()).isEqualTo(replies.get(2).time());
	}

	@Test
	void theDataplaneCanChangeWhileRunning() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"), Presets.settings(3));
		Recorder recorder = new Recorder();
		simulation.advanceTo(1_000_000, EventSink.NONE);
		simulation.apply(new SimulationCommand.SetDataplane(Dataplane.CILIUM_DSR));
		assertThat(simulation.snapshot().dataplane()).isEqualTo(Dataplane.CILIUM_DSR);
		for (PodStatistics pod : simulation.statistics().pods()) {
			assertThat(pod.exactSourcesSeen().keySet()).as(pod.pod())
				.containsExactlyInAnyOrderElementsOf(SimulationSettings.DEFAULT_CLIENT_IPS);
		}
		simulation.advanceTo(1_000_001, recorder);
		assertThat(recorder.all(DataplaneChanged.class)).singleElement()
			.isEqualTo(new DataplaneChanged(1_000_000, Dataplane.CILIUM_DSR));
	}

	@Test
	void aLoadBalancerTheSimulationDoesNotModelShouldBeRefused() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> simulation.apply(new SimulationCommand.SetLoadBalancerKind(LoadBalancerKind.GENERIC)))
			.withMessageStartingWith(
					"The sandbox models aws-nlb-instance, aws-nlb-ip, aws-clb, gke-passthrough, azure, metallb-l2, metallb-bgp for now, not generic");
	}

	private static Simulation run(Dataplane dataplane) {
		return SingleClientRuns.converged(CLIENT, (settings) -> settings.withDataplane(dataplane));
	}

}
