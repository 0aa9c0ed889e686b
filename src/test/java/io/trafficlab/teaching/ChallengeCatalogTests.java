package io.trafficlab.teaching;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.engine.goal.GoalSubject;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.EventSink;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationCommand.CordonNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.DrainNode;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.RemoveNode;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationCommand.SetDataplane;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundled challenge: it loads, its start runs and does not meet the goal, the
 * answers its solution calls correct meet it (as engine commands, after the replacements
 * are Ready and the moved pods gone), and plausible wrong answers do not.
 */
class ChallengeCatalogTests {

	/**
	 * Long enough for a new pod to become Ready (5 s) and a terminating one to go (30 s
	 * grace).
	 */
	private static final long SETTLE_MICROS = 60_000_000L;

	private static final ChallengeCatalog CATALOG = BundledChallenges.catalog();

	@Test
	void catalogShouldLoadEveryBundledFileInItsOrder() {
		assertThat(CATALOG.all()).extracting(Challenge::id)
			.containsExactly("even-load-keep-client-ip", "n3-passes-health-check", "one-move-equal-shares",
					"drain-n1-for-maintenance", "l2-every-pod-keeps-the-client", "keep-cluster-and-the-client");
		assertThat(CATALOG.all()).allSatisfy((challenge) -> {
			assertThat(challenge.title()).isNotBlank();
			assertThat(challenge.brief()).hasSizeGreaterThan(80);
			assertThat(challenge.hints()).hasSizeBetween(2, 3);
			assertThat(challenge.solution()).hasSizeGreaterThan(80);
		});
		assertThat(CATALOG.find("nope")).isEmpty();
	}

	@Test
	void everyChallengeShouldStartWithItsGoalNotMet() {
		for (Challenge challenge : CATALOG.all()) {
			Simulation simulation = ChallengeCheck.start(challenge);
			GoalReport report = challenge.goal().check(GoalSubject.of(simulation));
			assertThat(report.achieved()).as(challenge.id()).isFalse();
			simulation.advanceTo(SETTLE_MICROS, EventSink.NONE);
			assertThat(challenge.goal().check(GoalSubject.of(simulation)).achieved()).as(challenge.id() + " left alone")
				.isFalse();
		}
	}

	@Test
	void evenLoadShouldAcceptEveryFairPlacementThatKeepsTheClientIp() {
		Challenge challenge = challenge("even-load-keep-client-ip");
		assertThat(podsPerNode(ChallengeCheck.start(challenge))).isEqualTo("n1=3 n2=1");

		assertThat(outcome(challenge, podOn("n1", "n2"))).isEqualTo("✔✔✔");
		assertThat(outcome(challenge, fixed(new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED)))).isEqualTo("✔✔✔");
		assertThat(outcome(challenge, fixed(new ScaleReplicas(9)))).isEqualTo("✔✔✔");
		assertThat(podsPerNode(after(challenge, fixed(new ScaleReplicas(9))))).isEqualTo("n1=3 n2=3 n3=3");

		assertThat(outcome(challenge, fixed(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER)))).isEqualTo("✘✔✔");
		assertThat(outcome(challenge, podOn("n1", "n3"))).isEqualTo("✔✘✔");
		assertThat(verdict(challenge, 1, podOn("n1", "n3"))).endsWith("takes 1/3, 1.33× the mean 1/4");
		assertThat(outcome(challenge, deletePodOn("n1"))).isEqualTo("✔✘✔");
		assertThat(outcome(challenge, fixed(new ScaleReplicas(6)))).isEqualTo("✔✘✔");
		assertThat(outcome(challenge, fixed(new ScaleReplicas(2)))).isEqualTo("✔✔✘");
	}

	@Test
	void healthCheckShouldAcceptEveryWayOfPuttingAPodOnN3UnderLocal() {
		Challenge challenge = challenge("n3-passes-health-check");
		assertThat(podsPerNode(ChallengeCheck.start(challenge))).isEqualTo("n1=1 n2=1");

		assertThat(outcome(challenge, podOn("n1", "n3"))).isEqualTo("✔✔");
		assertThat(outcome(challenge, fixed(new ScaleReplicas(3)))).isEqualTo("✔✔");
		assertThat(outcome(challenge, fixed(new DrainNode("n1")))).isEqualTo("✔✔");

		assertThat(outcome(challenge, fixed(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER)))).isEqualTo("✘✔");
		assertThat(outcome(challenge, fixed(new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED)))).isEqualTo("✔✘");
		assertThat(verdict(challenge, 1, fixed(new ScaleReplicas(2))))
			.isEqualTo("n3 fails: its healthCheckNodePort answers 503");
	}

	@Test
	void oneMoveShouldAcceptOnePodPerNodeAndTheWeightedLoadBalancer() {
		Challenge challenge = challenge("one-move-equal-shares");
		assertThat(podsPerNode(ChallengeCheck.start(challenge))).isEqualTo("n1=2 n2=1");

		assertThat(outcome(challenge, fixed(new MovePod("web-1", "n3")))).isEqualTo("✔✔✔");
		assertThat(outcome(challenge, fixed(new MovePod("web-2", "n3")))).isEqualTo("✔✔✔");
		assertThat(outcome(challenge, fixed(new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED)))).isEqualTo("✔✔✔");

		assertThat(outcome(challenge, fixed(new MovePod("web-3", "n3")))).isEqualTo("✔✘✔");
		assertThat(outcome(challenge, fixed(new MovePod("web-1", "n2")))).isEqualTo("✔✘✔");
		assertThat(outcome(challenge, fixed(new DeletePod("web-1")))).isEqualTo("✔✔✘");
		assertThat(outcome(challenge, fixed(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER)))).isEqualTo("✘✔✔");
	}

	@Test
	void l2ShouldAcceptAllPodsOnTheAnnouncingNodeOrClusterWithDsr() {
		Challenge challenge = challenge("l2-every-pod-keeps-the-client");
		assertThat(outcome(challenge)).isEqualTo("✔✔✘");

		assertThat(outcome(challenge, fixed(new MovePod("web-4", "n1")))).isEqualTo("✔✔✔");
		assertThat(outcome(challenge, fixed(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER)),
				fixed(new SetDataplane(Dataplane.CILIUM_DSR))))
			.isEqualTo("✔✔✔");

		assertThat(outcome(challenge, fixed(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER)))).isEqualTo("✔✘✔");
		assertThat(outcome(challenge, fixed(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER)),
				fixed(new SetDataplane(Dataplane.CILIUM_SNAT))))
			.isEqualTo("✔✘✔");
		assertThat(outcome(challenge, fixed(new SetDataplane(Dataplane.CILIUM_DSR)))).isEqualTo("✔✔✘");
		assertThat(outcome(challenge, fixed(new MovePod("web-4", "n3")))).isEqualTo("✔✔✘");
		assertThat(outcome(challenge, fixed(new DeletePod("web-4")))).isEqualTo("✘✔✔");
	}

	@Test
	void keepClusterShouldAcceptOnlyDirectServerReturn() {
		Challenge challenge = challenge("keep-cluster-and-the-client");
		assertThat(outcome(challenge)).isEqualTo("✔✔✘");

		assertThat(outcome(challenge, fixed(new SetDataplane(Dataplane.CILIUM_DSR)))).isEqualTo("✔✔✔");

		assertThat(outcome(challenge, fixed(new SetDataplane(Dataplane.CILIUM_SNAT)))).isEqualTo("✔✔✘");
		assertThat(outcome(challenge, fixed(new SetExternalTrafficPolicy(TrafficPolicy.LOCAL)))).isEqualTo("✘✔✔");
		assertThat(outcome(challenge, podOn("n2", "n1"), fixed(new SetDataplane(Dataplane.CILIUM_SNAT))))
			.isEqualTo("✔✔✘");
	}

	@Test
	void oneMoveShouldHoldOnlyOnceTheNewPodIsReady() {
		Challenge challenge = challenge("one-move-equal-shares");
		Simulation simulation = ChallengeCheck.start(challenge);
		simulation.apply(new MovePod("web-1", "n3"));
		simulation.advanceTo(simulation.now() + 1_000_000L, EventSink.NONE);

		assertThat(challenge.goal().check(GoalSubject.of(simulation)).achieved()).isFalse();
		simulation.advanceTo(simulation.now() + 10_000_000L, EventSink.NONE);
		assertThat(challenge.goal().check(GoalSubject.of(simulation)).achieved()).isTrue();
	}

	@Test
	void maintenanceShouldAcceptEmptyingN1ButNotLosingIt() {
		Challenge challenge = challenge("drain-n1-for-maintenance");
		assertThat(podsPerNode(ChallengeCheck.start(challenge))).isEqualTo("n1=2 n2=2 n3=2");

		Simulation drained = after(challenge, fixed(new DrainNode("n1")));
		assertThat(challenge.goal().check(GoalSubject.of(drained)).achieved()).isTrue();
		assertThat(drained.snapshot().pods()).filteredOn((pod) -> pod.status() == PodStatus.PENDING).hasSize(2);
		assertThat(outcome(challenge, podOn("n1", "n2"), podOn("n1", "n3"))).isEqualTo("✔✔✔✔✔");

		// a dead n1 stays a node with Ready pods for 50 s, then turns NotReady: never a
		// Ready node without pods
		assertThat(outcome(challenge, fixed(new KillNode("n1")))).isEqualTo("✔✘✔✔✔");
		assertThat(outcome(challenge, fixed(new RemoveNode("n1")))).isEqualTo("✔✘✘✔✔");
		assertThat(outcome(challenge, fixed(new CordonNode("n1", true)))).isEqualTo("✘✔✘✔✔");
		assertThat(outcome(challenge, fixed(new DrainNode("n1")),
				fixed(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER))))
			.isEqualTo("✔✔✘✔✘");
	}

	private static Challenge challenge(String id) {
		return CATALOG.find(id).orElseThrow();
	}

	/**
	 * ✔ or ✘ per condition, after the steps (each followed by a minute of simulated
	 * time).
	 */
	@SafeVarargs
	private static String outcome(Challenge challenge, Function<Simulation, SimulationCommand>... steps) {
		GoalReport report = challenge.goal().check(GoalSubject.of(after(challenge, steps)));
		return report.lines().stream().map((line) -> line.verdict().holds() ? "✔" : "✘").collect(Collectors.joining());
	}

	@SafeVarargs
	private static String verdict(Challenge challenge, int line, Function<Simulation, SimulationCommand>... steps) {
		return challenge.goal().check(GoalSubject.of(after(challenge, steps))).lines().get(line).verdict().detail();
	}

	@SafeVarargs
	private static Simulation after(Challenge challenge, Function<Simulation, SimulationCommand>... steps) {
		Simulation simulation = ChallengeCheck.start(challenge);
		for (Function<Simulation, SimulationCommand> step : steps) {
			simulation.apply(step.apply(simulation));
			simulation.advanceTo(simulation.now() + SETTLE_MICROS, EventSink.NONE);
		}
		return simulation;
	}

	private static Function<Simulation, SimulationCommand> fixed(SimulationCommand command) {
		return (simulation) -> command;
	}

	/** Moves the first Ready pod on {@code from} to {@code to}. */
	private static Function<Simulation, SimulationCommand> podOn(String from, String to) {
		return (simulation) -> new MovePod(readyPodOn(simulation, from), to);
	}

	private static Function<Simulation, SimulationCommand> deletePodOn(String node) {
		return (simulation) -> new DeletePod(readyPodOn(simulation, node));
	}

	private static String readyPodOn(Simulation simulation, String node) {
		return simulation.snapshot()
			.pods()
			.stream()
			.filter((pod) -> node.equals(pod.node()) && pod.status() == PodStatus.READY)
			.map(PodState::name)
			.findFirst()
			.orElseThrow();
	}

	/** Ready pods per node, nodes without any left out: {@code "n1=3 n2=1"}. */
	private static String podsPerNode(Simulation simulation) {
		Map<String, Long> counts = simulation.snapshot()
			.pods()
			.stream()
			.filter((pod) -> pod.status() == PodStatus.READY && pod.node() != null)
			.collect(Collectors.groupingBy(PodState::node, TreeMap::new, Collectors.counting()));
		return counts.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(" "));
	}

}
