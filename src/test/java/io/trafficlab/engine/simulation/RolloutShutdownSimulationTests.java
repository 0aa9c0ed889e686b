package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.ContainerShutdown;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.cluster.PreStopHook;
import io.trafficlab.engine.simulation.SimulationCommand.RolloutRestart;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRejected;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionReset;
import io.trafficlab.engine.simulation.SimulationEvent.PodTerminating;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout restart under {@code Local}, two replicas spread over n1–n3: each old pod the
 * Deployment deletes leaves its node without a Ready pod until the load balancer has seen
 * its {@code 503} twice. An app that exits at once loses what arrives there meanwhile; a
 * {@code preStop} sleep longer than that detection keeps the old pod serving and loses
 * nothing.
 */
class RolloutShutdownSimulationTests {

	private static final String AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.53";

	private static final long RESTART_AT = 10_000_000L;

	/** 100 ms per hop: a connection lives 700 ms, so some are in flight at any moment. */
	private static final SimulationSettings SLOW_HOPS = Presets.settings(2)
		.withTimings(1_000_000, 5_000_000, 30_000_000, 100_000)
		.withNlb(NlbAttributes.awsDefaults().withResetOnUnhealthy(false));

	@Test
	void rolloutUnderLocalExitsAtOnceLosesConnections() {
		Recorder recorder = rollout(null);
		List<PodTerminating> deleted = recorder.all(PodTerminating.class);
		assertThat(deleted).hasSize(2);
		List<ConnectionDropped> lost = recorder.all(ConnectionDropped.class);
		assertThat(lost).isNotEmpty().allSatisfy((event) -> assertThat(deleted).anySatisfy((terminating) -> {
			assertThat(event.node()).isEqualTo(terminating.node());
			assertThat(event.time()).isBetween(terminating.time(), terminating.time() + 21_000_000L);
		}));
	}

	@Test
	void rolloutUnderLocalWithAPreStopSleepOf25SecondsLosesNone() {
		Recorder recorder = rollout(25L);
		assertThat(recorder.all(PodTerminating.class)).hasSize(2)
			.allSatisfy((event) -> assertThat(event.stopsServingAt()).isEqualTo(event.time() + 25_000_000L));
		assertThat(recorder.all(ConnectionDropped.class)).isEmpty();
		assertThat(recorder.all(ConnectionRejected.class)).isEmpty();
		assertThat(recorder.all(ConnectionReset.class)).isEmpty();
	}

	private static Recorder rollout(@Nullable Long preStop) {
		Simulation simulation = Simulation.start(twoReplicas(preStop), SLOW_HOPS);
		Recorder recorder = Recorder.after(simulation, RESTART_AT, new RolloutRestart(), 90_000_000L);
		assertThat(simulation.snapshot().pods()).hasSize(2)
			.allSatisfy((pod) -> assertThat(pod.status()).isEqualTo(PodStatus.READY));
		return recorder;
	}

	private static ClusterDeclaration twoReplicas(@Nullable Long preStop) {
		PodShutdown shutdown = new PodShutdown(null, List.of(ContainerShutdown.of("web", AGNHOST, List.of(),
				List.of("netexec", "--http-port=8080"), (preStop != null) ? PreStopHook.sleep(preStop) : null)));
		ClusterDeclaration plain = Presets.twoPodsThreeNodes();
		return new ClusterDeclaration(plain.nodes(), plain.services(), plain.pods(),
				plain.workloads().stream().map((workload) -> workload.withShutdown(shutdown)).toList(),
				plain.endpointSlices());
	}

}
