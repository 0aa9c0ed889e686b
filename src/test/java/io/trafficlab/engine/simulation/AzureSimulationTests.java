package io.trafficlab.engine.simulation;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Azure's Standard load balancer in the simulation: it publishes an IP (floating IP: the
 * node sees the LB IP, kube-proxy's LB-IP rule routes it), probes every 5 s with 2 probes
 * either way (Local: HTTP /healthz on the healthCheckNodePort; Cluster: TCP to the
 * NodePort; Azure exposes no timeout, the sandbox uses the interval), spreads evenly over
 * healthy nodes, keeps a dead node registered until it is deleted, and sends nothing when
 * every backend is probed down.
 */
class AzureSimulationTests {

	@ParameterizedTest
	@ValueSource(strings = { "Local", "Cluster" })
	void on310ObservedSharesAndSourcesShouldConvergeToTheAnalyzersExact(String policy) {
		Simulation simulation = start(policy, 1_000);
		SimulationStatistics statistics = Convergence.converged(simulation, 30_000_000);
		Fraction web4 = policy.equals("Local") ? Fraction.oneOver(2) : Fraction.oneOver(4);
		assertThat(Convergence.pods(statistics).get("web-4").exactShare()).isEqualTo(web4);
		if (policy.equals("Local")) {
			assertThat(Convergence.pods(statistics).get("web-4").sourcesSeen().keySet())
				.containsExactlyInAnyOrderElementsOf(SimulationSettings.DEFAULT_CLIENT_IPS);
		}
		assertThat(simulation.snapshot().service().loadBalancerIps()).containsExactly("198.51.100.10");
		assertThat(simulation.snapshot().loadBalancerHostname()).isNull();
		assertThat(simulation.snapshot().loadBalancerName()).isEqualTo("Azure Standard LB");
		assertThat(statistics.dropped()).isZero();
	}

	@Test
	void theProbesShouldComeEveryFiveSeconds() {
		Simulation simulation = start("Local", 50);
		Recorder recorder = Recorder.until(simulation, 30_000_000);
		assertThat(recorder.probesOf("n3")).hasSize(6).allSatisfy((probe) -> {
			assertThat(probe.target()).isEqualTo("192.168.0.13:32000/healthz");
			assertThat(probe.status()).isEqualTo(503);
		});
		Simulation cluster = start("Cluster", 50);
		Recorder tcp = Recorder.until(cluster, 30_000_000);
		assertThat(tcp.probesOf("n3")).hasSize(6).allSatisfy((probe) -> {
			assertThat(probe.target()).isEqualTo("192.168.0.13:30080");
			assertThat(probe.answer()).isEqualTo(ProbeAnswer.CONNECTED);
		});
	}

	@Test
	void theLonePodLeavingShouldMarkN2UnhealthyAfterTwoFailedProbes() {
		Recorder recorder = Recorder.after(start("Local", 200), 10_000_000, new DeletePod("web-4"), 60_000_000);
		assertThat(recorder.unhealthyAfterFirstProbeAnswering("n2", 503)).isEqualTo(5_000_000);
	}

	@Test
	void aKilledNodeShouldTurnUnhealthyWithTheIntervalAsTimeoutAndStayRegistered() {
		Recorder recorder = Recorder.after(start("Cluster", 200), 10_000_000, new KillNode("n3"), 120_000_000);
		assertThat(recorder.targetChanges("n3")).singleElement().satisfies((change) -> {
			assertThat(change.to()).isEqualTo(TargetState.UNHEALTHY);
			assertThat(change.time() - 10_000_000).isGreaterThan(10_000_000).isLessThanOrEqualTo(15_000_000);
		});
	}

	@Test
	void withEveryBackendProbedDownAzureShouldSendNothing() {
		EmptiedService.assertEveryConnectionDropped(start("Local", 200), 60_000_000, 70_000_000,
				"every backend has failed 2 health probes",
				"every backend fails Azure's health probe: the load balancer sends nothing");
	}

	private static Simulation start(String policy, double connectionsPerSecond) {
		return Simulation.start(Presets.uneven310(policy),
				Presets.settings(13).withConnectionsPerSecond(connectionsPerSecond).withKind(LoadBalancerKind.AZURE));
	}

}
