package io.trafficlab.engine.simulation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.engine.model.Pod;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.proxy.Verdict;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;
import io.trafficlab.engine.rules.iptables.IptablesWalker;
import io.trafficlab.engine.rules.iptables.IptablesWriter;
import io.trafficlab.engine.rules.nftables.NftablesWalker;
import io.trafficlab.engine.rules.nftables.NftablesWriter;
import io.trafficlab.engine.simulation.Hop.Direction;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A node's rules are kube-proxy's as of its last sync: unchanged by a move until the node
 * syncs, then different exactly by the moved endpoint; and a routed connection's walk
 * through them ends where the sandbox sent it, with the same SNAT.
 */
class SyncedRulesTests {

	private static final RulesScope WEB = new RulesScope(new ServiceRef("default", "web"), null, false);

	private static final Pattern DNAT = Pattern.compile("--to-destination (\\S+)");

	@Test
	void aMoveShouldReachANodesRulesOnlyWhenItSyncsAndChangeOnlyTheMovedEndpoint() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"), Presets.settings(6));
		RulesWriter writer = new IptablesWriter();
		simulation.advanceTo(1_000_000, EventSink.NONE);
		SyncedRules before = simulation.nodeRules("n3", writer, WEB);
		String movedIp = podIp(simulation, "web-1");

		simulation.apply(new MovePod("web-1", "n3"));
		SyncedRules notYetSynced = simulation.nodeRules("n3", writer, WEB);
		simulation.advanceTo(200_000_000, EventSink.NONE);
		SyncedRules after = simulation.nodeRules("n3", writer, WEB);

		assertThat(notYetSynced.rules().text()).isEqualTo(before.rules().text());
		assertThat(notYetSynced.generation()).isEqualTo(before.generation());
		assertThat(after.generation()).isGreaterThan(before.generation());
		assertThat(after.syncedAt()).isGreaterThan(before.syncedAt());
		Set<String> gone = destinations(before.rules().text());
		gone.removeAll(destinations(after.rules().text()));
		Set<String> added = destinations(after.rules().text());
		added.removeAll(destinations(before.rules().text()));
		String newIp = simulation.cluster()
			.pods()
			.stream()
			.filter((pod) -> "n3".equals(pod.nodeName()))
			.map(Pod::ip)
			.findFirst()
			.orElseThrow();
		assertThat(gone).containsExactly(movedIp + ":8080");
		assertThat(added).containsExactly(newIp + ":8080");
	}

	@ParameterizedTest(name = "{0} under {1}")
	@CsvSource({ "iptables, Local", "iptables, Cluster", "nftables, Local", "nftables, Cluster" })
	void aRoutedConnectionsWalkShouldEndAtItsPodWithItsHopsMasquerade(String mode, String policy) {
		Simulation simulation = Simulation.start(Presets.uneven310(policy), Presets.settings(6));
		List<ConnectionRouted> routed = Recorder.until(simulation, 20_000_000).all(ConnectionRouted.class);
		RulesWriter writer = "iptables".equals(mode) ? new IptablesWriter() : new NftablesWriter();
		RulesWalker walker = "iptables".equals(mode) ? new IptablesWalker() : new NftablesWalker();
		assertThat(routed).hasSizeGreaterThan(10);
		for (ConnectionRouted connection : routed) {
			RulesWalk walk = simulation.rulesWalk(connection.entryNode(), writer, walker, connection.clientIp(),
					connection.podIp());
			Hop dnat = connection.hops()
				.stream()
				.filter((hop) -> hop.direction() == Direction.REQUEST && hop.at().equals(connection.entryNode()))
				.findFirst()
				.orElseThrow();
			boolean snat = !address(dnat.srcAfter()).equals(address(dnat.srcBefore()));
			assertThat(walk.verdict()).isEqualTo(Verdict.DNAT);
			assertThat(walk.dnatTo()).startsWith(connection.podIp() + ":");
			assertThat(walk.masquerade()).as("masquerade of %s", connection).isEqualTo(snat);
			assertThat(walk.matched()).isNotEmpty();
		}
	}

	@Test
	void aPolicyFlipShouldWalkEveryConnectionRoutedAfterIt() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(6));
		simulation.advanceTo(5_000_000, EventSink.NONE);
		Recorder recorder = Recorder.after(simulation, 5_000_000,
				new SimulationCommand.SetExternalTrafficPolicy(TrafficPolicy.CLUSTER), 30_000_000);
		for (ConnectionRouted connection : recorder.all(ConnectionRouted.class)) {
			RulesWalk walk = simulation.rulesWalk(connection.entryNode(), new IptablesWriter(), new IptablesWalker(),
					connection.clientIp(), connection.podIp());
			assertThat(walk.dnatTo()).as("%s", connection).startsWith(connection.podIp() + ":");
		}
	}

	@Test
	void anUnknownNodeShouldBeNamed() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(6));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.nodeRules("n9", new IptablesWriter(), WEB))
			.withMessage("There is no node \"n9\" (nodes: n1, n2, n3).");
	}

	private static String podIp(Simulation simulation, String name) {
		return simulation.cluster()
			.pods()
			.stream()
			.filter((pod) -> pod.name().equals(name))
			.map(Pod::ip)
			.findFirst()
			.orElseThrow();
	}

	private static Set<String> destinations(String text) {
		Set<String> destinations = new LinkedHashSet<>();
		Matcher matcher = DNAT.matcher(text);
		while (matcher.find()) {
			destinations.add(matcher.group(1));
		}
		return destinations;
	}

	private static String address(String addressAndPort) {
		return addressAndPort.substring(0, addressAndPort.lastIndexOf(':'));
	}

}
