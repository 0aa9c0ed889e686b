package io.trafficlab.teaching;

import java.util.stream.Stream;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ChallengeReaderTests {

	private static final String VALID = """
			title: Make n3 pass
			order: 5
			brief: Make n3 pass the health check.
			start:
			  preset: two-pods-three-nodes
			  policy: Local
			  lb: weighted
			  clientRate: 20
			  speed: 2
			  seed: 42
			goal:
			  - policy: Local
			  - healthCheck: {node: n3, passes: true}
			hints:
			  - Look at the health checks.
			  - Put a pod on n3.
			solution: A pod on n3 makes it answer 200.
			""";

	private final ChallengeReader reader = new ChallengeReader(BundledChallenges::preset);

	@Test
	void theStartNamesALoadBalancerAndADataplaneByTheirIds() {
		Challenge challenge = this.reader.read("n3",
				VALID.replace("  lb: weighted\n", "  loadBalancer: metallb-l2\n  dataplane: cilium-snat\n"));

		assertThat(challenge.start().loadBalancer()).isEqualTo(LoadBalancerKind.METALLB_L2);
		Simulation simulation = ChallengeCheck.start(challenge);
		assertThat(simulation.settings().kind()).isEqualTo(LoadBalancerKind.METALLB_L2);
		assertThat(simulation.settings().dataplane()).isEqualTo(Dataplane.CILIUM_SNAT);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.reader.read("x", VALID.replace("lb: weighted", "loadBalancer: haproxy")))
			.withMessageStartingWith("start.loadBalancer: expected ")
			.withMessageContaining("metallb-l2")
			.withMessageEndingWith("got \"haproxy\"");
	}

	@Test
	void theStartNamesThePodNetworkByItsId() {
		Challenge challenge = this.reader.read("n3", VALID.replace("  lb: weighted\n", "  network: overlay\n"));

		assertThat(challenge.start().network()).isEqualTo(NetworkModel.OVERLAY);
		assertThat(ChallengeCheck.start(challenge).settings().network()).isEqualTo(NetworkModel.OVERLAY);
		assertThat(ChallengeCheck.start(this.reader.read("n3", VALID)).settings().network())
			.isEqualTo(NetworkModel.DEFAULT);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.reader.read("x", VALID.replace("lb: weighted", "network: calico")))
			.withMessage("start.network: expected bridge, overlay or vpc, got \"calico\"");
	}

	@Test
	void readShouldTakeEveryField() {
		Challenge challenge = this.reader.read("n3", VALID);

		assertThat(challenge.id()).isEqualTo("n3");
		assertThat(challenge.order()).isEqualTo(5);
		assertThat(challenge.hints()).containsExactly("Look at the health checks.", "Put a pod on n3.");
		assertThat(challenge.goal().conditions()).hasSize(2);
		ChallengeStart start = challenge.start();
		assertThat(start.preset()).isEqualTo("two-pods-three-nodes");
		assertThat(start.lb()).isEqualTo(LoadBalancerModel.WEIGHTED);
		assertThat(start.clientRate()).isEqualTo(20.0);
		assertThat(start.speed()).isEqualTo(2.0);
		assertThat(start.seed()).isEqualTo(42L);
		Simulation simulation = ChallengeCheck.start(challenge);
		assertThat(simulation.snapshot().loadBalancer()).isEqualTo(LoadBalancerModel.WEIGHTED);
		assertThat(simulation.snapshot().connectionsPerSecond()).isEqualTo(20.0);
		assertThat(simulation.snapshot().settings().seed()).isEqualTo(42L);
	}

	@Test
	void policyOverrideShouldChangeTheDeclarationAndTheManifests() {
		Challenge challenge = this.reader.read("c", VALID.replace("  policy: Local\n", "  policy: Cluster\n")
			.replace("  - policy: Local\n", "  - policy: Cluster\n"));

		Simulation simulation = ChallengeCheck.start(challenge);
		assertThat(simulation.cluster().services().get(0).externalPolicyLocal()).isFalse();
		assertThat(challenge.start().manifests()).contains("externalTrafficPolicy: Cluster")
			.doesNotContain("healthCheckNodePort");
		assertThat(TrafficPolicy.CLUSTER.apiName()).isEqualTo("Cluster");
	}

	@Test
	void mistakesShouldNameThePlaceAndWhatWasExpected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.reader.read("x", "title: [unclosed\nbrief: b"))
			.withMessageStartingWith("line 2, column ")
			.withMessageContaining("not YAML");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.reader.read("x", VALID.replace("  preset: two-pods-three-nodes\n", "")))
			.withMessageStartingWith("start needs exactly one of \"preset\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.reader.read("x",
					VALID.replace("  preset: two-pods-three-nodes\n",
							"  manifests: |\n    kind: Service\n    metadata: [\n")))
			.withMessageStartingWith("start.manifests, line ");
	}

	static Stream<Arguments> mistakes() {
		return Stream.of(arguments("brief:", "breif:",
				"the file: unknown key \"breif\", expected one of [brief, goal, hints, order, solution, sources, "
						+ "start, title]"),
				arguments("title: Make n3 pass\n", "", "title is missing"),
				arguments("two-pods-three-nodes", "three-pods",
						"start.preset: there is no preset \"three-pods\" in presets/"),
				arguments("speed: 2", "speed: 99", "start.speed: expected a number from 0.1 to 50, got 99"),
				arguments("lb: weighted", "lb: ecmp", "start.lb: expected even or weighted, got \"ecmp\""),
				arguments("  - Put a pod on n3.\n", "", "hints: give 2 to 5 hints, got 1"),
				arguments("passes: true", "passes: yes please",
						"goal, condition 2 (healthCheck): expected true or false, got \"yes please\""));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("mistakes")
	void aMistakeShouldBeRefusedInTheseWords(String valid, String mistaken, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.reader.read("x", VALID.replace(valid, mistaken)))
			.withMessage(message);
	}

	@Test
	void checkShouldRefuseAGoalOnAMissingNodeOrAlreadyMet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChallengeCheck.check(this.reader.read("x", VALID.replace("node: n3", "node: n9"))))
			.withMessage("goal, condition 2: there is no node \"n9\" at the start; the nodes are [n1, n2, n3]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChallengeCheck.check(this.reader.read("x", VALID.replace("node: n3", "node: n1"))))
			.withMessage("goal: every condition already holds at the start, so there is nothing to do");
	}

	@Test
	void catalogShouldRefuseToLoadABrokenFileNamingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> BundledChallenges.catalog("classpath*:broken-challenges/*.yaml"))
			.withMessage("Challenge file challenges/typo.yaml is broken: goal, condition 2: unknown condition "
					+ "\"healthcheck\", expected one of [clientIpKept, equalShares, failedShare, healthCheck, "
					+ "maxShareRatio, nodeReady, nodeShare, podShareOnNode, podsOnNode, policy, probe, readyPods]");
	}

}
