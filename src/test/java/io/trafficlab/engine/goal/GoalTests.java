package io.trafficlab.engine.goal;

import java.util.List;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.goal.Condition.AtLeastReadyPods;
import io.trafficlab.engine.goal.Condition.ClientIpKept;
import io.trafficlab.engine.goal.Condition.EqualShares;
import io.trafficlab.engine.goal.Condition.FailedShare;
import io.trafficlab.engine.goal.Condition.HealthCheckPasses;
import io.trafficlab.engine.goal.Condition.MaxShareRatio;
import io.trafficlab.engine.goal.Condition.NodeReady;
import io.trafficlab.engine.goal.Condition.NodeShare;
import io.trafficlab.engine.goal.Condition.PodShareOnNode;
import io.trafficlab.engine.goal.Condition.PodsOnNode;
import io.trafficlab.engine.goal.Condition.PolicyIs;
import io.trafficlab.engine.goal.Condition.ProbeIs;
import io.trafficlab.engine.goal.Condition.ReadyPods;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.Presets;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GoalTests {

	private static final long SECOND = 1_000_000;

	/**
	 * The first challenge: keep the client IP and let no pod take more than 1.25×
	 * the mean share.
	 */
	private static final Goal KEEP_IP_AND_BALANCE = new Goal(
			List.of(new ClientIpKept(true), new MaxShareRatio(Fraction.of(5, 4))));

	@Test
	void unevenPodsUnderLocalKeepTheClientIpButOverloadTheLonePod() {
		GoalReport report = KEEP_IP_AND_BALANCE.check(subject(Presets.uneven310("Local")));

		assertThat(report.achieved()).isFalse();
		assertThat(report.lines()).extracting((line) -> line.verdict().holds()).containsExactly(true, false);
		assertThat(report.lines().get(0).verdict().detail()).isEqualTo("every pod sees the client's 203.0.113.10");
		assertThat(report.lines().get(1).verdict().detail()).isEqualTo("web-4 takes 1/2, 2× the mean 1/4");
		assertThat(report.lines().get(1).condition()).isEqualTo("No pod takes more than 1.25× the mean share");
	}

	@Test
	void clusterBalancesButHidesTheClientIp() {
		GoalReport report = KEEP_IP_AND_BALANCE.check(subject(Presets.uneven310("Cluster")));

		assertThat(report.lines()).extracting((line) -> line.verdict().holds()).containsExactly(false, true);
		assertThat(report.lines().get(0).verdict().detail()).startsWith("web-1 sees ")
			.endsWith(" instead of the client's 203.0.113.10");
		assertThat(new ClientIpKept(false).check(subject(Presets.uneven310("Cluster"))).holds()).isTrue();
	}

	@Test
	void aWeightedLoadBalancerMeetsTheGoalUnderLocal() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(1));
		simulation.apply(new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED));

		GoalReport report = KEEP_IP_AND_BALANCE.check(GoalSubject.of(simulation));

		assertThat(report.achieved()).isTrue();
		assertThat(new EqualShares().check(GoalSubject.of(simulation)).detail()).isEqualTo("shares: 4 × 1/4");
	}

	@Test
	void theWorkedExampleInNumbers() {
		GoalSubject subject = subject(Presets.uneven310("Local"));

		assertThat(new PodShareOnNode("n1", Fraction.oneOver(6)).check(subject).holds()).isTrue();
		assertThat(new PodShareOnNode("n2", Fraction.oneOver(2)).check(subject).holds()).isTrue();
		assertThat(new PodShareOnNode("n2", Fraction.oneOver(4)).check(subject).detail()).isEqualTo("web-4 1/2");
		assertThat(new PodShareOnNode("n3", Fraction.ZERO).check(subject).detail()).isEqualTo("n3 runs no ready pod");
		assertThat(new NodeShare("n3", Fraction.ZERO).check(subject).holds()).isTrue();
		assertThat(new NodeShare("n1", Fraction.oneOver(2)).check(subject).holds()).isTrue();
		assertThat(new PodsOnNode("n1", 3).check(subject).holds()).isTrue();
		assertThat(new ReadyPods(4).check(subject).holds()).isTrue();
		assertThat(new ReadyPods(3).check(subject).detail()).isEqualTo("4 ready pods");
		assertThat(new AtLeastReadyPods(4).check(subject).holds()).isTrue();
		assertThat(new AtLeastReadyPods(5).check(subject).holds()).isFalse();
		assertThat(new AtLeastReadyPods(5).describe()).isEqualTo("At least 5 ready pods");
		assertThat(new FailedShare(Fraction.ZERO).check(subject).holds()).isTrue();
		assertThat(new EqualShares().check(subject).detail()).isEqualTo("shares: 3 × 1/6, 1 × 1/2");
		assertThat(new PolicyIs(TrafficPolicy.LOCAL).check(subject).holds()).isTrue();
		assertThat(new PolicyIs(TrafficPolicy.CLUSTER).check(subject).detail())
			.isEqualTo("externalTrafficPolicy is Local");
	}

	@Test
	void healthCheckReadsTheLiteralAnswer() {
		GoalSubject local = subject(Presets.uneven310("Local"));

		ConditionVerdict n3 = new HealthCheckPasses("n3", true).check(local);
		assertThat(n3.holds()).isFalse();
		assertThat(n3.detail()).isEqualTo("n3 fails: its healthCheckNodePort answers 503");
		assertThat(new HealthCheckPasses("n3", false).check(local).holds()).isTrue();
		assertThat(new HealthCheckPasses("n9", true).check(local).detail()).isEqualTo("there is no node n9");
		assertThat(new HealthCheckPasses("n3", true).check(subject(Presets.uneven310("Cluster"))).holds()).isTrue();
		assertThat(new HealthCheckPasses("n3", true).describe(local))
			.isEqualTo("Node n3 passes the load balancer's health check");
	}

	@Test
	void healthCheckUnderMetalLbSaysWhoAnnouncesOrAdvertisesNotWhatAProbeAnswers() {
		GoalSubject l2 = subject(Presets.uneven310("Local"), LoadBalancerKind.METALLB_L2);
		HealthCheckPasses n2 = new HealthCheckPasses("n2", true);
		assertThat(n2.describe(l2)).isEqualTo("Node n2 announces the load-balancer IP (MetalLB probes nothing)");
		assertThat(n2.check(l2).detail()).doesNotContain("healthCheckNodePort")
			.endsWith("it: MetalLB probes nothing; only a node with a local endpoint can announce it, and one of them "
					+ "does");
		GoalSubject bgp = subject(Presets.uneven310("Local"), LoadBalancerKind.METALLB_BGP);
		assertThat(n2.describe(bgp))
			.isEqualTo("Node n2 advertises the load-balancer IP over BGP (MetalLB probes nothing)");
		assertThat(n2.check(bgp).holds()).isTrue();
		assertThat(n2.check(bgp).detail())
			.isEqualTo("n2 advertises it: MetalLB probes nothing; only the nodes with a local endpoint advertise it");
		assertThat(new HealthCheckPasses("n3", false).check(bgp).detail())
			.isEqualTo("n3 does not advertise it: MetalLB probes nothing; only the nodes with a local endpoint "
					+ "advertise it");
	}

	@Test
	void healthCheckWithIpTargetsSaysTheNodeIsNotATarget() {
		GoalSubject ip = subject(Presets.uneven310("Local"), LoadBalancerKind.AWS_NLB_IP);
		assertThat(new HealthCheckPasses("n2", true).describe(ip)).isEqualTo(
				"The load balancer sends connections to node n2's pods (ip targets: the node itself is not a target)");
		ConditionVerdict n2 = new HealthCheckPasses("n2", true).check(ip);
		assertThat(n2.holds()).isTrue();
		assertThat(n2.detail()).isEqualTo(
				"n2 has pods the load balancer sends to: with ip targets it checks each pod's port, not the node");
		assertThat(new HealthCheckPasses("n3", true).check(ip).detail())
			.isEqualTo("n3 has no pod the load balancer sends to: with ip targets it checks each pod's port, not the "
					+ "node");
	}

	/**
	 * From 3/1/0, one move cannot even the shares out under Local: 2/1/1 still gives n1's
	 * pods half as much.
	 */
	@Test
	void movingAnyPodFromTheCrowdedNodeToTheEmptyOneLeavesTwoShares() {
		for (String pod : List.of("web-1", "web-2", "web-3")) {
			Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(2));
			simulation.apply(new MovePod(pod, "n3"));
			simulation.advanceTo(simulation.now() + 60 * SECOND, (event) -> {
			});

			GoalSubject subject = GoalSubject.of(simulation);
			assertThat(new EqualShares().check(subject).holds()).as(pod).isFalse();
			assertThat(new EqualShares().check(subject).detail()).as(pod).isEqualTo("shares: 2 × 1/6, 2 × 1/3");
		}
	}

	@Test
	void switchingToClusterEqualisesEveryPlacement() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		simulation.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));

		assertThat(new EqualShares().check(GoalSubject.of(simulation)).holds()).isTrue();
	}

	/**
	 * A dead node still reads Ready, as kubectl shows it, until the node controller
	 * taints it 50 s later.
	 */
	@Test
	void aDeadNodeTurnsNotReadyOnlyWhenTheNodeControllerNotices() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(4));
		simulation.apply(new KillNode("n2"));
		assertThat(new NodeReady("n2", true).check(GoalSubject.of(simulation)))
			.isEqualTo(new ConditionVerdict(true, "n2 is Ready"));

		simulation.advanceTo(simulation.now() + 51 * SECOND, (event) -> {
		});

		ConditionVerdict verdict = new NodeReady("n2", true).check(GoalSubject.of(simulation));
		assertThat(verdict.holds()).isFalse();
		assertThat(verdict.detail())
			.isEqualTo("n2 is NotReady: tainted node.kubernetes.io/unreachable (its kubelet stopped reporting)");
		assertThat(new NodeReady("n2", false).check(GoalSubject.of(simulation)).holds()).isTrue();
		assertThat(new NodeReady("n1", true).check(GoalSubject.of(simulation)).holds()).isTrue();
		assertThat(new NodeReady("n9", true).check(GoalSubject.of(simulation)).detail())
			.isEqualTo("there is no node n9");
	}

	@Test
	void probeComparesOnlyTheFieldsGivenAndNoneHoldsOnlyWithoutAProbe() {
		GoalSubject local = subject(Presets.uneven310("Local"));

		ConditionVerdict nlb = new ProbeIs(true, ProbeTarget.HEALTH_CHECK_NODE_PORT, ProbeProtocol.HTTP, 10, 6, 2, 2)
			.check(local);
		assertThat(nlb.holds()).isTrue();
		assertThat(nlb.detail()).startsWith("HTTP to the health-check-node-port (port ")
			.endsWith("), every 10 s, timeout 6 s, 2/2 in a row");
		assertThat(new ProbeIs(true, null, null, 10, null, null, 2).check(local).holds()).isTrue();
		assertThat(new ProbeIs(true, ProbeTarget.PROXY_HEALTHZ, null, null, null, null, null).check(local).holds())
			.isFalse();
		assertThat(new ProbeIs(false, null, null, null, null, null, null).check(local).holds()).isFalse();
		assertThat(new ProbeIs(true, null, ProbeProtocol.TCP, 10, 10, 3, 3).check(subject(Presets.uneven310("Cluster")))
			.holds()).isTrue();

		Simulation l2 = Simulation.start(Presets.uneven310("Local"),
				Presets.settings(1).withKind(LoadBalancerKind.METALLB_L2));
		assertThat(new ProbeIs(false, null, null, null, null, null, null).check(GoalSubject.of(l2)).detail())
			.isEqualTo("the load balancer probes nothing");
		assertThat(new ProbeIs(false, null, null, null, null, null, null).check(GoalSubject.of(l2)).holds()).isTrue();
		assertThat(new ProbeIs(true, null, null, null, null, null, null).check(GoalSubject.of(l2)).holds()).isFalse();
	}

	private static GoalSubject subject(ClusterDeclaration declaration) {
		return GoalSubject.of(Simulation.start(declaration, Presets.settings(1)));
	}

	private static GoalSubject subject(ClusterDeclaration declaration, LoadBalancerKind kind) {
		return GoalSubject.of(Simulation.start(declaration, Presets.settings(1).withKind(kind)));
	}

}
