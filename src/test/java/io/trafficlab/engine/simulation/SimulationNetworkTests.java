package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.NetworkChanged;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod network in the simulation: on 3/1/0 under Cluster behind the AWS NLB (a third
 * per node), each pod gets 1/12 from each node; the address it sees from each node is the
 * one the network model gives (R15), exactly and in the connections routed.
 */
class SimulationNetworkTests {

	private static final String CLIENT = "203.0.113.10";

	private static final Fraction TWELFTH = Fraction.oneOver(12);

	@Test
	void onAnOverlayARemotePodShouldSeeTheEntryNodesFlannelAddress() {
		Simulation simulation = run(NetworkModel.OVERLAY);
		Convergence.assertExactSourcesSeen(simulation.statistics(),
				Map.of("10.244.1.1", TWELFTH, "10.244.2.0", TWELFTH, "10.244.3.0", TWELFTH),
				Map.of("10.244.1.0", TWELFTH, "10.244.2.1", TWELFTH, "10.244.3.0", TWELFTH));
	}

	@Test
	void onAVpcNetworkEveryPodShouldSeeTheEntryNodesInternalIp() {
		Simulation simulation = run(NetworkModel.VPC);
		for (PodStatistics pod : simulation.statistics().pods()) {
			assertThat(pod.exactSourcesSeen()).as(pod.pod())
				.isEqualTo(Map.of("192.168.0.11", TWELFTH, "192.168.0.12", TWELFTH, "192.168.0.13", TWELFTH));
			assertThat(pod.sources()).as(pod.pod())
				.allSatisfy((source) -> assertThat(source.kind().apiName()).isEqualTo("internal-ip"));
		}
		ConvergenceTests.assertObservedSourcesMatchExact(simulation.statistics());
	}

	@Test
	void theNetworkCanChangeWhileRunning() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"),
				Presets.settings(3).withClientIps(List.of(CLIENT)));
		simulation.advanceTo(1_000_000, EventSink.NONE);
		simulation.apply(new SimulationCommand.SetNetwork(NetworkModel.VPC));
		assertThat(simulation.snapshot().network()).isEqualTo(NetworkModel.VPC);
		Recorder recorder = Recorder.until(simulation, 3_000_000);
		assertThat(recorder.all(NetworkChanged.class)).singleElement()
			.isEqualTo(new NetworkChanged(1_000_000, NetworkModel.VPC));
		ConnectionRouted local = recorder.first(ConnectionRouted.class,
				(c) -> c.time() > 1_000_000 && c.entryNode().equals(c.node()));
		assertThat(local.sourceSeen()).isEqualTo(switch (local.node()) {
			case "n1" -> "192.168.0.11";
			case "n2" -> "192.168.0.12";
			default -> "192.168.0.13";
		});
	}

	@Test
	void theHopNamesWhoseAddressTheSnatGave() {
		ConnectionRouted remote = SingleClientRuns.firstRemote(CLIENT,
				(settings) -> settings.withNetwork(NetworkModel.OVERLAY), 3_000_000);
		assertThat(remote.hops()).anySatisfy((hop) -> assertThat(hop.reason())
			.contains("MASQUERADE to " + remote.sourceSeen() + ", " + remote.entryNode() + "'s flannel.1 address"));
	}

	private static Simulation run(NetworkModel network) {
		return SingleClientRuns.converged(CLIENT, (settings) -> settings.withNetwork(network));
	}

}
