package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.cluster.ClusterAssembler;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.simulation.SimulationCommand.AddNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.DrainNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * StatefulSets recreate a pod under the same name once the old one is gone; DaemonSets
 * run one pod per node.
 */
class WorkloadKindTests {

	private static final Map<String, String> AGENT = Map.of("app", "agent");

	private static ClusterDeclaration with(DeclaredWorkload... workloads) {
		return new ClusterDeclaration(Presets.threeNodes(), List.of(Presets.webService("Cluster")), List.of(),
				List.of(workloads), List.of());
	}

	private static DeclaredWorkload workload(WorkloadKind kind, String name, Map<String, String> labels,
			Integer replicas) {
		return new DeclaredWorkload(kind, "default", name, replicas, LabelSelector.of(labels), labels,
				PodScheduling.ANYWHERE, List.of());
	}

	@Test
	void statefulSetPodShouldMoveUnderItsOwnNameOnceTheOldOneIsGone() {
		Simulation simulation = Simulation.start(with(workload(WorkloadKind.STATEFUL_SET, "web", Presets.WEB, 3)),
				Presets.settings(1));
		assertThat(simulation.snapshot().pods()).extracting(PodState::name, PodState::node)
			.containsExactly(tuple("web-0", "n1"), tuple("web-1", "n2"), tuple("web-2", "n3"));
		simulation.apply(new MovePod("web-0", "n3"));
		assertThat(simulation.snapshot().pods()).hasSize(3);
		simulation.advanceTo(31_000_000, EventSink.NONE);
		assertThat(simulation.snapshot().pods()).extracting(PodState::name, PodState::node, PodState::status)
			.contains(tuple("web-0", "n3", PodStatus.STARTING));
		simulation.apply(new ScaleReplicas(1));
		assertThat(simulation.snapshot().pods()).filteredOn((pod) -> pod.status() == PodStatus.TERMINATING)
			.extracting(PodState::name)
			.containsExactlyInAnyOrder("web-1", "web-2");
		simulation.advanceTo(70_000_000, EventSink.NONE);
		assertThat(simulation.snapshot().pods()).extracting(PodState::name).containsExactly("web-0");
		assertThat(new ClusterAssembler().assemble(simulation.declaration()).cluster()).isEqualTo(simulation.cluster());
	}

	@Test
	void daemonSetShouldRunOnePodOnEveryNodeIncludingNewOnes() {
		Simulation simulation = Simulation.start(with(workload(WorkloadKind.DEPLOYMENT, "web", Presets.WEB, 2),
				workload(WorkloadKind.DAEMON_SET, "agent", AGENT, null)), Presets.settings(1));
		List<PodState> agents = simulation.snapshot()
			.pods()
			.stream()
			.filter((pod) -> "DaemonSet/agent".equals(pod.workload()))
			.toList();
		assertThat(agents).extracting(PodState::node).containsExactly("n1", "n2", "n3");
		assertThat(agents).noneMatch(PodState::backsService);
		simulation.apply(new AddNode(null));
		assertThat(simulation.snapshot().pods()).filteredOn((pod) -> "n4".equals(pod.node()))
			.extracting(PodState::workload)
			.containsExactly("DaemonSet/agent");
		String onN1 = agents.get(0).name();
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new MovePod(onN1, "n2")))
			.withMessage("Pod " + onN1 + " belongs to DaemonSet/agent, which runs one pod on every node; it cannot "
					+ "be moved.");
		simulation.apply(new DeletePod(onN1));
		simulation.advanceTo(31_000_000, EventSink.NONE);
		assertThat(simulation.snapshot().pods()).filteredOn((pod) -> "DaemonSet/agent".equals(pod.workload()))
			.extracting(PodState::node)
			.containsExactlyInAnyOrder("n1", "n2", "n3", "n4");
		simulation.apply(new DrainNode("n2"));
		assertThat(simulation.snapshot().pods()).filteredOn((pod) -> "n2".equals(pod.node()))
			.allSatisfy((pod) -> assertThat(pod.status() == PodStatus.TERMINATING)
				.isEqualTo(!"DaemonSet/agent".equals(pod.workload())));
		assertThat(new ClusterAssembler().assemble(simulation.declaration()).cluster()).isEqualTo(simulation.cluster());
	}

	@Test
	void scaleReplicasWhenADaemonSetBacksTheServiceShouldSayItCannot() {
		DeclaredWorkload daemons = workload(WorkloadKind.DAEMON_SET, "web", Presets.WEB, null);
		Simulation simulation = Simulation.start(with(daemons), Presets.settings(1));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new ScaleReplicas(5)))
			.withMessage("DaemonSet/web runs one pod on every node it fits; it has no replica count to scale.");
	}

}
