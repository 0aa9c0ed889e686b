package io.trafficlab.engine.simulation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.trafficlab.engine.proxy.SourceAddress;
import io.trafficlab.engine.proxy.SourceAddress.SourceKind;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics name every source address a pod sees (R15): the clients' under Local,
 * under Cluster the pod bridge gateway of the pod's own node (SNAT on the same node) and
 * the InternalIP of every other node (SNAT on another node), exactly the address each
 * connection's events carry.
 */
class SourceAddressStatisticsTests {

	@Test
	void clusterShouldShowThePodsOwnGatewayAndTheOtherNodesInternalIps() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"), Presets.settings(4));
		SimulationStatistics statistics = simulation.statistics();
		assertThat(pod(statistics, "web-4").sources()).containsExactly(
				new SourceAddress("192.168.0.11", SourceKind.INTERNAL_IP, "n1"),
				new SourceAddress("10.244.2.1", SourceKind.POD_GATEWAY, "n2"),
				new SourceAddress("192.168.0.13", SourceKind.INTERNAL_IP, "n3"));
		assertThat(pod(statistics, "web-1").sources()).containsExactly(
				new SourceAddress("10.244.1.1", SourceKind.POD_GATEWAY, "n1"),
				new SourceAddress("192.168.0.12", SourceKind.INTERNAL_IP, "n2"),
				new SourceAddress("192.168.0.13", SourceKind.INTERNAL_IP, "n3"));
	}

	@Test
	void localShouldShowEveryClientsOwnAddress() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(4));
		List<SourceAddress> clients = SimulationSettings.DEFAULT_CLIENT_IPS.stream()
			.map(SourceAddress::client)
			.toList();
		assertThat(pod(simulation.statistics(), "web-4").sources()).containsExactlyElementsOf(clients);
		assertThat(clients).allSatisfy((source) -> assertThat(source.node()).isNull());
	}

	@Test
	void observedSourcesShouldBeNamedAsTheConnectionsSawThem() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"),
				Presets.settings(4).withConnectionsPerSecond(200));
		Recorder recorder = new Recorder();
		simulation.advanceTo(10_000_000, recorder);
		SimulationStatistics statistics = simulation.statistics();
		List<ConnectionRouted> routed = recorder.all(ConnectionRouted.class);
		assertThat(routed).isNotEmpty();
		for (ConnectionRouted connection : routed) {
			boolean sameNode = connection.entryNode().equals(connection.node());
			SourceAddress expected = new SourceAddress(connection.sourceSeen(),
					sameNode ? SourceKind.POD_GATEWAY : SourceKind.INTERNAL_IP, connection.entryNode());
			assertThat(pod(statistics, connection.pod()).sources()).as(connection.toString()).contains(expected);
		}
		for (PodStatistics pod : statistics.pods()) {
			Set<String> addresses = new HashSet<>(pod.exactSourcesSeen().keySet());
			addresses.addAll(pod.sourcesSeen().keySet());
			assertThat(pod.sources()).extracting(SourceAddress::address).containsExactlyInAnyOrderElementsOf(addresses);
		}
	}

	@Test
	void addedNodeShouldBeNamedByItsOwnName() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"), Presets.settings(4));
		simulation.apply(new SimulationCommand.AddNode(null));
		simulation.advanceTo(60_000_000, EventSink.NONE);
		SimulationSnapshot.NodeState added = simulation.snapshot().nodes().get(3);
		assertThat(pod(simulation.statistics(), "web-4").sources())
			.contains(new SourceAddress(added.internalIp(), SourceKind.INTERNAL_IP, added.name()));
	}

	private static PodStatistics pod(SimulationStatistics statistics, String name) {
		return statistics.pods().stream().filter((pod) -> pod.pod().equals(name)).findFirst().orElseThrow();
	}

}
