package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.RemoveNode;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.NodeDied;
import io.trafficlab.engine.simulation.SimulationEvent.NodeNotReady;
import io.trafficlab.engine.simulation.SimulationEvent.NodeRemoved;
import io.trafficlab.engine.simulation.SimulationEvent.PodDeleted;
import io.trafficlab.engine.simulation.SimulationEvent.PodEvicted;
import io.trafficlab.engine.simulation.SimulationEvent.PodScheduled;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.simulation.Snapshots.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A node that dies without warning, as a real cluster handles it: its pods stay Ready
 * endpoints until the node controller marks them NotReady after node-monitor-grace-period
 * (50 s), they are evicted after their 300 s toleration of the unreachable taint, and
 * only then does the Deployment replace them.
 */
class NodeDeathTests {

	private static final long KILLED_AT = 1_000_000;

	private static final long NOT_READY_AT = KILLED_AT + NodeLifecycle.NODE_MONITOR_GRACE_MICROS;

	private static final long EVICTED_AT = NOT_READY_AT + NodeLifecycle.UNREACHABLE_TOLERATION_MICROS;

	private final Recorder recorder = new Recorder();

	private Simulation killN2(ClusterDeclaration declaration) {
		Simulation simulation = Simulation.start(declaration, Presets.settings(4));
		simulation.advanceTo(KILLED_AT, this.recorder);
		simulation.apply(new KillNode("n2"));
		simulation.advanceTo(KILLED_AT + 1, this.recorder);
		return simulation;
	}

	private List<ConnectionDropped> deadEndpointDrops() {
		return this.recorder.all(ConnectionDropped.class,
				(drop) -> drop.reason().contains("the pod's node is dead; its endpoint is still Ready"));
	}

	@Test
	void podsOfADeadNodeShouldStayReadyEndpointsForTheGracePeriod() {
		Simulation simulation = killN2(Presets.uneven310("Cluster"));
		assertThat(this.recorder.first(NodeDied.class, (event) -> true).time()).isEqualTo(KILLED_AT);
		simulation.advanceTo(NOT_READY_AT - 1, this.recorder);
		assertThat(simulation.cluster().nodes()).extracting(Node::name).containsExactly("n1", "n2", "n3");
		assertThat(pod(simulation, "web-4").status()).isEqualTo(PodStatus.READY);
		assertThat(this.recorder.all(NodeNotReady.class)).isEmpty();
		assertThat(simulation.snapshot().pods()).hasSize(4);
	}

	@Test
	void underClusterOtherNodesShouldLoseConnectionsToTheDeadPodUntilMarkedNotReadyAndSynced() {
		Simulation simulation = killN2(Presets.uneven310("Cluster"));
		long syncDelay = simulation.snapshot().settings().proxySyncDelayMicros();
		simulation.advanceTo(NOT_READY_AT + syncDelay + 20_000_000, this.recorder);
		List<ConnectionDropped> drops = deadEndpointDrops();
		assertThat(drops).isNotEmpty().allSatisfy((drop) -> {
			assertThat(drop.node()).isIn("n1", "n3");
			assertThat(drop.reason()).contains("DNATs to web-4 (10.244.2.10) on n2, which died at 1.000 s");
			assertThat(drop.time()).isBetween(KILLED_AT, NOT_READY_AT + syncDelay);
		});
		// still dropping right up to the marking: the window is the grace period, not the
		// first sync
		assertThat(drops.get(drops.size() - 1).time()).isGreaterThan(NOT_READY_AT - 10_000_000);
		NodeNotReady notReady = this.recorder.first(NodeNotReady.class, (event) -> true);
		assertThat(notReady.time()).isEqualTo(NOT_READY_AT);
		assertThat(notReady.node()).isEqualTo("n2");
		assertThat(notReady.pods()).containsExactly("web-4");
		assertThat(pod(simulation, "web-4").status()).isEqualTo(PodStatus.NOT_READY);
		assertThat(simulation.cluster().nodes().get(1).taints()).containsExactly(
				new Taint("node.kubernetes.io/unreachable", null, "NoExecute"),
				new Taint("node.kubernetes.io/unreachable", null, "NoSchedule"));
		assertThat(simulation.cluster().endpointsOf(simulation.cluster().services().get(0).ref()))
			.noneMatch((endpoint) -> "web-4".equals(endpoint.podName()) && (endpoint.ready() || endpoint.serving()));
		assertThat(simulation.statistics().routed()).isPositive();
	}

	@Test
	void theReplacementShouldComeOnlyAfterTheTolerationRunsOut() {
		Simulation simulation = killN2(Presets.twoPodsThreeNodes());
		String dead = simulation.snapshot()
			.pods()
			.stream()
			.filter((pod) -> "n2".equals(pod.node()))
			.findFirst()
			.orElseThrow()
			.name();
		simulation.advanceTo(EVICTED_AT - 1, this.recorder);
		assertThat(this.recorder.all(PodScheduled.class, (event) -> event.time() > 0)).isEmpty();
		assertThat(this.recorder.all(PodEvicted.class)).isEmpty();
		simulation.advanceTo(EVICTED_AT + 10_000_000, this.recorder);
		assertThat(this.recorder.first(PodEvicted.class, (event) -> true)).satisfies((evicted) -> {
			assertThat(evicted.time()).isEqualTo(EVICTED_AT);
			assertThat(evicted.pod()).isEqualTo(dead);
		});
		PodScheduled replacement = this.recorder.first(PodScheduled.class, (event) -> event.time() > 0);
		assertThat(replacement.time()).isEqualTo(EVICTED_AT);
		assertThat(replacement.node()).isIn("n1", "n3");
		// the evicted pod stays Terminating: no kubelet on n2 confirms its end
		assertThat(pod(simulation, dead).status()).isEqualTo(PodStatus.TERMINATING);
		assertThat(this.recorder.all(PodDeleted.class)).isEmpty();
	}

	@Test
	void deletingTheDeadNodeShouldLetPodGcDeleteItsPods() {
		Simulation simulation = killN2(Presets.twoPodsThreeNodes());
		simulation.advanceTo(5_000_000, this.recorder);
		simulation.apply(new RemoveNode("n2"));
		simulation.advanceTo(5_000_001, this.recorder);
		assertThat(this.recorder.first(PodDeleted.class, (event) -> true).reason())
			.isEqualTo("pod GC: its node n2 was deleted");
		NodeRemoved removed = this.recorder.first(NodeRemoved.class, (event) -> true);
		assertThat(removed.killed()).isTrue();
		assertThat(simulation.cluster().nodes()).extracting(Node::name).containsExactly("n1", "n3");
		assertThat(this.recorder.first(PodScheduled.class, (event) -> event.time() > 0).node()).isIn("n1", "n3");
	}

	@Test
	void underLocalOnlyTheLoadBalancerShouldSendToTheDeadNodeUntilItsProbesFail() {
		Simulation simulation = killN2(Presets.uneven310("Local"));
		simulation.advanceTo(EVICTED_AT, this.recorder);
		assertThat(deadEndpointDrops()).isEmpty();
		LoadBalancerTargetChanged unhealthy = this.recorder.turnedUnhealthy("n2");
		List<ConnectionDropped> drops = this.recorder.all(ConnectionDropped.class, (drop) -> drop.node().equals("n2"));
		assertThat(drops).isNotEmpty().allSatisfy((drop) -> {
			assertThat(drop.reason()).startsWith("n2 is gone (killed at 1.000 s)");
			assertThat(drop.time()).isLessThan(unhealthy.time());
		});
		assertThat(unhealthy.reason()).contains("failing probes in a row");
		// issue 11: the AWS Load Balancer Controller deregisters n2 when its Ready
		// condition turns Unknown (it used to stay a registered, unhealthy target until
		// its Node object was deleted); the NLB drains it for 300 s, then removes it
		LoadBalancerTargetChanged draining = this.recorder.first(LoadBalancerTargetChanged.class,
				(event) -> event.node().equals("n2") && event.to() == TargetState.DRAINING);
		assertThat(draining.time()).isEqualTo(NOT_READY_AT);
		assertThat(draining.from()).isEqualTo(TargetState.UNHEALTHY);
		assertThat(draining.reason())
			.startsWith("n2's Ready condition is Unknown; the AWS Load Balancer Controller " + "deregisters it");
		LoadBalancerTargetChanged removed = this.recorder.first(LoadBalancerTargetChanged.class,
				(event) -> event.node().equals("n2") && event.to() == null);
		assertThat(removed.time()).isEqualTo(NOT_READY_AT + 300_000_000);
		assertThat(simulation.snapshot().nodes()).filteredOn((node) -> node.name().equals("n2"))
			.singleElement()
			.satisfies((node) -> assertThat(node.verdict()).isNull());
		simulation.apply(new RemoveNode("n2"));
		simulation.advanceTo(simulation.now() + 1, this.recorder);
		assertThat(this.recorder.all(LoadBalancerTargetChanged.class, (event) -> event.node().equals("n2")))
			.extracting(LoadBalancerTargetChanged::to)
			.containsExactly(TargetState.UNHEALTHY, TargetState.DRAINING, null);
	}

	@Test
	void killShouldKeepOneLiveNode() {
		Simulation simulation = killN2(Presets.uneven310("Cluster"));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new KillNode("n2")))
			.withMessage("Node n2 is already dead.");
		simulation.apply(new KillNode("n1"));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new KillNode("n3")))
			.withMessage("Cannot kill n3: it is the last node, and a sandbox keeps at least one.");
	}

}
