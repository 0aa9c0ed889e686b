package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRejected;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS NLB's health checks as the AWS Load Balancer Controller configures them for
 * instance targets (R20): under Cluster a TCP connect to the NodePort every 10 s (10 s
 * timeout, 3 in a row either way), under Local HTTP /healthz on the healthCheckNodePort
 * (6 s timeout, 2 in a row); a probe nothing answers fails when its timeout expires.
 */
class ClusterProbeTests {

	private final Recorder recorder = new Recorder();

	@Test
	void theDefaultsShouldBeTheAwsLoadBalancerControllers() {
		LoadBalancerHealthChecks probes = SimulationSettings.defaults().probes();
		assertThat(probes.local()).isEqualTo(new LoadBalancerProbe(10_000_000, 6_000_000, 2, 2));
		assertThat(probes.cluster()).isEqualTo(new LoadBalancerProbe(10_000_000, 10_000_000, 3, 3));
	}

	@Test
	void underClusterTheProbeShouldConnectToTheNodePortEvenOnANodeWithoutAPod() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"), Presets.settings(1));
		simulation.advanceTo(30_000_000, this.recorder);
		List<ProbeAnswered> n3 = this.recorder.all(ProbeAnswered.class, (probe) -> probe.node().equals("n3"));
		assertThat(n3).isNotEmpty().allSatisfy((probe) -> {
			assertThat(probe.target()).isEqualTo("192.168.0.13:30080");
			assertThat(probe.answer()).isEqualTo(ProbeAnswer.CONNECTED);
			assertThat(probe.status()).isZero();
			assertThat(probe.passed()).isTrue();
		});
		assertThat(simulation.snapshot().nodes()).extracting(NodeState::verdict).containsOnly(TargetState.HEALTHY);
	}

	@Test
	void underClusterWithNoEndpointAnywhereEveryProbeShouldBeRefusedAndTheLbShouldFailOpen() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"),
				Presets.settings(1).withTimings(1_000_000, 5_000_000, 1_000_000, 500));
		for (String pod : List.of("web-1", "web-2", "web-3", "web-4")) {
			simulation.apply(new DeletePod(pod));
		}
		simulation.advanceTo(60_000_000, this.recorder);
		List<LoadBalancerTargetChanged> unhealthy = this.recorder.all(LoadBalancerTargetChanged.class,
				(event) -> event.to() == TargetState.UNHEALTHY);
		assertThat(unhealthy).extracting(LoadBalancerTargetChanged::node).containsExactlyInAnyOrder("n1", "n2", "n3");
		assertThat(unhealthy).allSatisfy((event) -> assertThat(event.reason())
			.isEqualTo("3 failing probes in a row (connection refused: the Service has no endpoint, so kube-proxy on "
					+ event.node() + " rejects it (R10))"));
		long lastUnhealthy = unhealthy.get(unhealthy.size() - 1).time();
		// failing open, the LB still spreads connections over all three nodes, and each
		// one REJECTs them (R10)
		assertThat(this.recorder.all(ConnectionRejected.class, (event) -> event.time() > lastUnhealthy))
			.extracting(ConnectionRejected::node)
			.contains("n1", "n2", "n3");
	}

	@Test
	void underClusterTheLbShouldNeedThreeFailingProbesEachWaitingOutItsTenSecondTimeout() {
		List<ProbeAnswered> failed = failedProbesOnceKilled("Cluster", "n3", 80_000_000);
		assertThat(failed).hasSizeGreaterThanOrEqualTo(3);
		assertThat(failed).allSatisfy((probe) -> assertThat(probe.answer()).isEqualTo(ProbeAnswer.TIMED_OUT));
		assertThat(failed.subList(0, 3)).extracting(ProbeAnswered::verdict)
			.containsExactly(TargetState.HEALTHY, TargetState.HEALTHY, TargetState.UNHEALTHY);
		// the last passing probe was sent before the kill; the first failing one was sent
		// after it and counted only 10 s later
		long lastPassed = lastPassedAt("n3");
		assertThat(failed.get(0).time()).isEqualTo(lastPassed + 10_000_000 + 10_000_000);
		assertThat(failed.get(2).time() - failed.get(0).time()).isEqualTo(20_000_000);
		LoadBalancerTargetChanged unhealthy = this.recorder.turnedUnhealthy("n3");
		assertThat(unhealthy.time()).isEqualTo(failed.get(2).time());
	}

	@Test
	void underLocalAKilledNodeShouldBeMarkedUnhealthyAfterTwoProbesEachWaitingOutTheSixSecondTimeout() {
		List<ProbeAnswered> failed = failedProbesOnceKilled("Local", "n1", 60_000_000);
		long lastPassed = lastPassedAt("n1");
		assertThat(failed.get(0).time()).isEqualTo(lastPassed + 10_000_000 + 6_000_000);
		assertThat(failed.get(1).time()).isEqualTo(failed.get(0).time() + 10_000_000);
		assertThat(failed.get(1).verdict()).isEqualTo(TargetState.UNHEALTHY);
		assertThat(failed.get(0).target()).endsWith("/healthz");
	}

	/**
	 * Records the worked example under {@code policy} until {@code until}, killing
	 * {@code node} at 15 s; returns the node's failed probes.
	 */
	private List<ProbeAnswered> failedProbesOnceKilled(String policy, String node, long until) {
		Simulation simulation = Simulation.start(Presets.uneven310(policy), Presets.settings(1));
		simulation.advanceTo(15_000_000, this.recorder);
		simulation.apply(new KillNode(node));
		simulation.advanceTo(until, this.recorder);
		return this.recorder.probesOf(node).stream().filter((probe) -> !probe.passed()).toList();
	}

	/** When the last probe of {@code node} that passed was answered. */
	private long lastPassedAt(String node) {
		return this.recorder.probesOf(node)
			.stream()
			.filter(ProbeAnswered::passed)
			.mapToLong(ProbeAnswered::time)
			.max()
			.orElseThrow();
	}

}
