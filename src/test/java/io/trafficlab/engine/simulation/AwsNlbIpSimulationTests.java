package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerKind;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerKindChanged;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An AWS NLB with ip targets in the simulation: the target group holds the Ready pods,
 * the NLB sends straight to them per zone (cross-zone off), probes each pod's port over
 * TCP (10 s, 10 s timeout, 3 in a row), and the pod sees the NLB's zonal address unless
 * client-IP preservation is annotated; externalTrafficPolicy changes nothing.
 */
class AwsNlbIpSimulationTests {

	@ParameterizedTest
	@ValueSource(strings = { "Local", "Cluster" })
	void on310ObservedSharesAndSourcesShouldConvergeToTheAnalyzersExactUnderEitherPolicy(String policy) {
		Simulation simulation = start(Presets.uneven310(policy), 1_000);
		SimulationStatistics statistics = Convergence.converged(simulation, 30_000_000);
		Map<String, PodStatistics> pods = Convergence.pods(statistics);
		assertThat(pods.get("web-4").exactShare()).isEqualTo(Fraction.oneOver(2));
		for (String pod : List.of("web-1", "web-2", "web-3")) {
			assertThat(pods.get(pod).exactShare()).as(pod).isEqualTo(Fraction.oneOver(6));
		}
		// the NLB's private address in zone-a for n1's pods, in zone-b for web-4: never
		// the client
		assertThat(pods.get("web-1").sourcesSeen()).containsOnlyKeys("172.16.0.10");
		assertThat(pods.get("web-4").sourcesSeen()).containsOnlyKeys("172.16.0.11");
		assertThat(simulation.snapshot().nodes()).allSatisfy((node) -> assertThat(node.verdict()).isNull());
		assertThat(simulation.snapshot().loadBalancerName()).isEqualTo("AWS NLB (ip targets)");
		assertThat(statistics.dropped()).isZero();
	}

	@Test
	void withClientIpPreservationAnnotatedPodsShouldSeeTheClients() {
		Simulation simulation = start(Presets.uneven310("Cluster",
				(service) -> service
					.annotations(Map.of("service.beta.kubernetes.io/aws-load-balancer-target-group-attributes",
							"preserve_client_ip.enabled=true"))),
				1_000);
		SimulationStatistics statistics = Convergence.converged(simulation, 20_000_000);
		assertThat(Convergence.pods(statistics).get("web-4").sourcesSeen().keySet())
			.containsExactlyInAnyOrderElementsOf(SimulationSettings.DEFAULT_CLIENT_IPS);
	}

	@Test
	void theProbesShouldBeTcpConnectsToEachPodsPortAndNoneToTheNodes() {
		Simulation simulation = start(Presets.uneven310("Local"), 50);
		Recorder recorder = Recorder.until(simulation, 30_000_000);
		List<ProbeAnswered> probes = recorder.all(ProbeAnswered.class);
		assertThat(probes).extracting(ProbeAnswered::pod)
			.containsOnly("web-1", "web-2", "web-3", "web-4")
			.contains("web-1", "web-2", "web-3", "web-4");
		// each names the node its pod runs on
		assertThat(probes)
			.allSatisfy((probe) -> assertThat(probe.node()).isEqualTo(probe.pod().equals("web-4") ? "n2" : "n1"));
		assertThat(probes).allSatisfy((probe) -> {
			assertThat(probe.target()).matches("10\\.244\\.[12]\\.\\d+:8080");
			assertThat(probe.answer()).isEqualTo(ProbeAnswer.CONNECTED);
			assertThat(probe.status()).isZero();
			assertThat(probe.passed()).isTrue();
		});
		// three probes per pod in 30 s at a 10 s interval
		assertThat(probes.stream().filter((probe) -> "web-4".equals(probe.pod()))).hasSize(3);
	}

	@Test
	void killingTheLonePodsNodeShouldMarkItUnhealthyAfterThreeTimeoutsThenDeregisterItAtNotReady() {
		Recorder recorder = Recorder.after(start(Presets.uneven310("Local"), 200), 10_000_000, new KillNode("n2"),
				70_000_000);
		List<LoadBalancerTargetChanged> web4 = recorder.targetChanges("web-4");
		assertThat(web4).extracting(LoadBalancerTargetChanged::to)
			.containsExactly(TargetState.UNHEALTHY, TargetState.DRAINING);
		long unhealthyAfter = web4.get(0).time() - 10_000_000;
		assertThat(unhealthyAfter).isGreaterThan(30_000_000).isLessThanOrEqualTo(40_000_000);
		assertThat(web4.get(0).reason()).startsWith("3 failing probes in a row (no answer: web-4's node n2 is dead)");
		assertThat(web4.get(1).time()).isEqualTo(10_000_000 + NodeLifecycle.NODE_MONITOR_GRACE_MICROS);
		// until the flip, connections the NLB sends to web-4 go nowhere; after it, only
		// zone-a's pods get new connections
		List<ConnectionDropped> drops = recorder.all(ConnectionDropped.class);
		assertThat(drops).isNotEmpty().allSatisfy((drop) -> {
			assertThat(drop.time()).isLessThan(web4.get(0).time());
			assertThat(drop.reason()).contains("web-4").contains("is dead");
		});
		assertThat(recorder.all(ConnectionRouted.class, (routed) -> routed.time() > web4.get(0).time())).isNotEmpty()
			.allSatisfy((routed) -> assertThat(routed.pod()).isIn("web-1", "web-2", "web-3"));
	}

	@Test
	void aDeletedPodShouldBeDeregisteredAtOnceAndDrain() {
		Recorder recorder = Recorder.after(start(Presets.uneven310("Cluster"), 200), 5_000_000, new DeletePod("web-4"),
				40_000_000);
		assertThat(recorder.targetChanges("web-4")).singleElement().satisfies((change) -> {
			assertThat(change.to()).isEqualTo(TargetState.DRAINING);
			assertThat(change.time()).isEqualTo(5_000_000);
			assertThat(change.reason()).startsWith("web-4 is terminating");
		});
		assertThat(recorder.all(ConnectionRouted.class, (routed) -> routed.pod().equals("web-4"))).isEmpty();
	}

	@Test
	void theStatisticsShouldCarryTheLoadBalancersVerdictOnEachPodTarget() {
		Simulation simulation = start(Presets.uneven310("Local"), 50);
		simulation.advanceTo(5_000_000, EventSink.NONE);
		assertThat(Convergence.pods(simulation.statistics()).values()).extracting(PodStatistics::lbTarget)
			.containsOnly(TargetState.HEALTHY);
		simulation.apply(new DeletePod("web-4"));
		simulation.advanceTo(6_000_000, EventSink.NONE);
		Map<String, PodStatistics> pods = Convergence.pods(simulation.statistics());
		assertThat(pods.get("web-1").lbTarget()).isEqualTo(TargetState.HEALTHY);
		// terminating: still the Service's pod, no longer a target that gets new
		// connections
		assertThat(pods.get("web-4").lbTarget()).isEqualTo(TargetState.DRAINING);
		// with instance targets the nodes are the targets: no pod is
		Simulation instance = Simulation.start(Presets.uneven310("Local"), Presets.settings(5));
		assertThat(Convergence.pods(instance.statistics()).values()).extracting(PodStatistics::lbTarget)
			.containsOnlyNulls();
	}

	@Test
	void switchingToIpTargetsShouldSayTheNodesAreNoLongerProbedAndBackShouldGiveTheirVerdictsAtOnce() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(5));
		Recorder toIp = Recorder.after(simulation, 1_000_000, new SetLoadBalancerKind(LoadBalancerKind.AWS_NLB_IP),
				1_000_001);
		assertThat(toIp.all(LoadBalancerKindChanged.class)).singleElement().satisfies((changed) -> {
			assertThat(changed.nodes()).extracting(NodeState::name).containsExactly("n1", "n2", "n3");
			assertThat(changed.nodes()).allSatisfy((node) -> {
				assertThat(node.verdict()).isNull();
				assertThat(node.probeTarget()).isEmpty();
			});
		});
		Recorder back = Recorder.after(simulation, 2_000_000,
				new SetLoadBalancerKind(LoadBalancerKind.AWS_NLB_INSTANCE), 2_000_001);
		// under Local n3 has no pod: its healthCheckNodePort answers 503 from the start;
		// each
		// verdict counts the probes in a row that set it, as the snapshot does
		assertThat(back.all(LoadBalancerKindChanged.class)).singleElement().satisfies((changed) -> {
			assertThat(changed.nodes()).extracting(NodeState::verdict)
				.containsExactly(TargetState.HEALTHY, TargetState.HEALTHY, TargetState.UNHEALTHY);
			assertThat(changed.nodes()).allSatisfy((node) -> {
				assertThat(node.consecutive()).isPositive();
				assertThat(node.probeTarget()).endsWith("/healthz");
			});
			assertThat(changed.nodes()).extracting(NodeState::verdict, NodeState::consecutive)
				.isEqualTo(simulation.snapshot()
					.nodes()
					.stream()
					.map((node) -> tuple(node.verdict(), node.consecutive()))
					.toList());
		});
	}

	@Test
	void aConnectionShouldGoFromTheLoadBalancerStraightToThePod() {
		Simulation simulation = start(Presets.uneven310("Local"), 50);
		Recorder recorder = Recorder.until(simulation, 2_000_000);
		ConnectionRouted routed = recorder.all(ConnectionRouted.class).get(0);
		assertThat(routed.hops()).extracting(Hop::at)
			.containsExactly(routed.clientIp(), "lb", routed.pod(), routed.pod(), "lb", routed.clientIp());
		assertThat(routed.hops().get(1).reason()).contains("straight to " + routed.pod())
			.contains("externalTrafficPolicy changes nothing");
	}

	private static Simulation start(ClusterDeclaration declaration, double connectionsPerSecond) {
		return Simulation.start(declaration,
				Presets.settings(5)
					.withConnectionsPerSecond(connectionsPerSecond)
					.withKind(LoadBalancerKind.AWS_NLB_IP));
	}

}
