package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import io.trafficlab.engine.simulation.SimulationStatistics.NodeStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GKE's backend-service-based passthrough NLB in the simulation: it publishes an IP,
 * probes the healthCheckNodePort under Local (3 s, 1 s timeout, 1 to turn healthy, 2 to
 * turn unhealthy) and kube-proxy's own {@code :10256/healthz} under Cluster (8 s, 1 s, 1,
 * 3), spreads evenly (weighted by the health check's header with
 * {@code networking.gke.io/weighted-load-balancing: pods-per-node}), and ingress-gce
 * drops a node from the backends once its Ready condition leaves True.
 */
class GkePassthroughSimulationTests {

	@ParameterizedTest
	@ValueSource(strings = { "Local", "Cluster" })
	void on310ObservedSharesAndSourcesShouldConvergeToTheAnalyzersExact(String policy) {
		Simulation simulation = start(Presets.uneven310(policy), 1_000);
		SimulationStatistics statistics = Convergence.converged(simulation, 30_000_000);
		Fraction web4 = policy.equals("Local") ? Fraction.oneOver(2) : Fraction.oneOver(4);
		assertThat(Convergence.pods(statistics).get("web-4").exactShare()).isEqualTo(web4);
		assertThat(simulation.snapshot().service().loadBalancerIps()).containsExactly("198.51.100.10");
		assertThat(simulation.snapshot().loadBalancerName()).isEqualTo("GKE passthrough NLB");
	}

	@Test
	void weightedLoadBalancingShouldFollowThePodsPerNode() {
		Simulation simulation = start(
				Presets
					.uneven310("Local",
							(service) -> service
								.annotations(Map.of("networking.gke.io/weighted-load-balancing", "pods-per-node"))),
				1_000);
		SimulationStatistics statistics = Convergence.converged(simulation, 30_000_000);
		assertThat(statistics.nodes()).extracting(NodeStatistics::exactLbShare)
			.containsExactly(Fraction.of(3, 4), Fraction.oneOver(4), Fraction.ZERO);
	}

	@Test
	void underClusterTheProbeShouldBeKubeProxysOwnHealthz() {
		Simulation simulation = start(Presets.uneven310("Cluster"), 50);
		Recorder recorder = Recorder.until(simulation, 24_000_000);
		assertThat(recorder.probesOf("n3")).hasSize(3).allSatisfy((probe) -> {
			assertThat(probe.target()).isEqualTo("192.168.0.13:10256/healthz");
			assertThat(probe.status()).isEqualTo(200);
			assertThat(probe.passed()).isTrue();
		});
	}

	@Test
	void eachProbeAnswerShouldCarryGkesThresholdNotAnotherLoadBalancers() {
		// under Local GKE turns a node healthy after 1 passing check and unhealthy after
		// 2
		// failing ones (the AWS NLB's figures are 2 and 2): the canvas counts "1/1",
		// "2/2"
		Recorder recorder = Recorder.after(start(Presets.uneven310("Local"), 200), 10_000_000, new DeletePod("web-4"),
				20_000_000);
		assertThat(recorder.probesOf("n1")).isNotEmpty().allSatisfy((probe) -> {
			assertThat(probe.passed()).isTrue();
			assertThat(probe.threshold()).isEqualTo(1);
		});
		assertThat(recorder.probesOf("n2")).filteredOn((probe) -> !probe.passed())
			.isNotEmpty()
			.allSatisfy((probe) -> assertThat(probe.threshold()).isEqualTo(2));
	}

	@Test
	void underCiliumNothingServesTheProxyHealthPortSoEveryNodeFailsAndTheLbFailsOpen() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"),
				Presets.settings(17)
					.withConnectionsPerSecond(50)
					.withKind(LoadBalancerKind.GKE_PASSTHROUGH)
					.withDataplane(Dataplane.CILIUM_SNAT));
		Recorder recorder = Recorder.until(simulation, 24_000_000);
		assertThat(recorder.all(ProbeAnswered.class)).isNotEmpty()
			.allSatisfy((probe) -> assertThat(probe.answer()).isEqualTo(ProbeAnswer.REFUSED));
		assertThat(simulation.statistics().dropped()).isZero();
	}

	@Test
	void theLonePodLeavingShouldMarkN2UnhealthyTwoProbesLater() {
		Recorder recorder = Recorder.after(start(Presets.uneven310("Local"), 200), 10_000_000, new DeletePod("web-4"),
				40_000_000);
		assertThat(recorder.unhealthyAfterFirstProbeAnswering("n2", 503)).isEqualTo(3_000_000);
	}

	@Test
	void aKilledNodeShouldFailThreeProbesThenLeaveTheBackendsAtNotReady() {
		Recorder recorder = Recorder.after(start(Presets.uneven310("Cluster"), 200), 10_000_000, new KillNode("n3"),
				120_000_000);
		List<LoadBalancerTargetChanged> n3 = recorder.targetChanges("n3");
		assertThat(n3).hasSize(2);
		assertThat(n3.get(0).to()).isEqualTo(TargetState.UNHEALTHY);
		assertThat(n3.get(0).time() - 10_000_000).isGreaterThan(17_000_000).isLessThanOrEqualTo(25_000_000);
		// ingress-gce drops the node at once, without draining
		assertThat(n3.get(1).to()).isNull();
		assertThat(n3.get(1).time()).isEqualTo(10_000_000 + NodeLifecycle.NODE_MONITOR_GRACE_MICROS);
		assertThat(n3.get(1).reason()).contains("ingress-gce");
	}

	private static Simulation start(ClusterDeclaration declaration, double connectionsPerSecond) {
		return Simulation.start(declaration,
				Presets.settings(17)
					.withConnectionsPerSecond(connectionsPerSecond)
					.withKind(LoadBalancerKind.GKE_PASSTHROUGH));
	}

}
