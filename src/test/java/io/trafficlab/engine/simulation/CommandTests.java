package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterAssembler;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.ClusterLimitException;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.AddNode;
import io.trafficlab.engine.simulation.SimulationCommand.CordonNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.DrainNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.RemoveNode;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationCommand.SetClientRate;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetInternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetSessionAffinity;
import io.trafficlab.engine.simulation.SimulationEvent.ClientRateChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerModelChanged;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.NodeAdded;
import io.trafficlab.engine.simulation.SimulationEvent.NodeCordoned;
import io.trafficlab.engine.simulation.SimulationEvent.NodeRemoved;
import io.trafficlab.engine.simulation.SimulationEvent.PodBecameReady;
import io.trafficlab.engine.simulation.SimulationEvent.PodDeleted;
import io.trafficlab.engine.simulation.SimulationEvent.PodScheduled;
import io.trafficlab.engine.simulation.SimulationEvent.ReplicasScaled;
import io.trafficlab.engine.simulation.SimulationEvent.ServiceUpdated;
import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.simulation.Snapshots.node;
import static io.trafficlab.engine.simulation.Snapshots.pod;
import static io.trafficlab.engine.simulation.Snapshots.podsOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandTests {

	private final Recorder recorder = new Recorder();

	private Simulation start(ClusterDeclaration declaration) {
		Simulation simulation = Simulation.start(declaration, Presets.settings(4));
		simulation.advanceTo(1_000_000, this.recorder);
		return simulation;
	}

	/**
	 * Starts the worked example behind a ClusterIP Service and asserts that sending it an
	 * external traffic policy through {@code send} (apply, or check) throws the API
	 * server's rejection.
	 */
	static Simulation assertExternalPolicyRefusedOnAClusterIp(BiConsumer<Simulation, SimulationCommand> send) {
		Simulation simulation = Simulation.start(Presets.uneven310ClusterIp(), Presets.settings(1));
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(() -> send.accept(simulation, new SetExternalTrafficPolicy(TrafficPolicy.LOCAL)))
			.withMessageContaining("may only be set for externally-accessible services");
		return simulation;
	}

	private static void assertAssemblesBack(Simulation simulation) {
		assertThat(new ClusterAssembler().assemble(simulation.declaration()).cluster()).isEqualTo(simulation.cluster());
	}

	// pods

	@Test
	void movePodOfADeploymentShouldTerminateItAndStartAReplacementOnTheTarget() {
		Simulation simulation = start(Presets.twoPodsThreeNodes());
		PodState moved = podsOn(simulation, "n1").get(0);
		simulation.apply(new MovePod(moved.name(), "n3"));
		simulation.advanceTo(1_000_001, this.recorder);
		assertThat(pod(simulation, moved.name()).status()).isEqualTo(PodStatus.TERMINATING);
		PodScheduled created = this.recorder.first(PodScheduled.class, (event) -> event.time() == 1_000_000);
		assertThat(created.node()).isEqualTo("n3");
		assertThat(created.workload()).isEqualTo("Deployment/web");
		assertThat(created.pod()).startsWith(moved.name().substring(0, moved.name().lastIndexOf('-') + 1));
		assertThat(created.podIp()).isEqualTo("10.244.3.10");
		assertThat(pod(simulation, created.pod()).status()).isEqualTo(PodStatus.STARTING);
		assertAssemblesBack(simulation);
		simulation.advanceTo(40_000_000, this.recorder);
		assertThat(this.recorder.first(PodBecameReady.class, (event) -> event.pod().equals(created.pod())).time())
			.isEqualTo(6_000_000);
		assertThat(this.recorder.first(PodDeleted.class, (event) -> event.pod().equals(moved.name())).time())
			.isEqualTo(31_000_000);
		assertThat(simulation.snapshot().pods()).extracting(PodState::node).containsExactlyInAnyOrder("n2", "n3");
		assertAssemblesBack(simulation);
	}

	@Test
	void movePodOfABarePodShouldStartAPodWithADerivedName() {
		Simulation simulation = start(Presets.uneven310("Local"));
		simulation.apply(new MovePod("web-4", "n3"));
		simulation.advanceTo(1_000_001, this.recorder);
		PodScheduled created = this.recorder.first(PodScheduled.class, (event) -> true);
		assertThat(created.pod()).matches("web-4-[bcdfghjklmnpqrstvwxz2456789]{5}");
		assertThat(created.node()).isEqualTo("n3");
		assertThat(created.workload()).isNull();
	}

	@Test
	void movePodWithBadArgumentsShouldSayWhatIsWrong() {
		Simulation simulation = start(Presets.uneven310("Local"));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new MovePod("nope", "n3")))
			.withMessage("There is no pod \"nope\" (pods: web-1, web-2, web-3, web-4).");
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new MovePod("web-1", "n9")))
			.withMessage("There is no node \"n9\" (nodes: n1, n2, n3).");
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new MovePod("web-1", "n1")))
			.withMessage("Pod web-1 already runs on n1.");
		simulation.apply(new CordonNode("n3", true));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new MovePod("web-1", "n3")))
			.withMessage("Node n3 is cordoned; uncordon it first or move web-1 to another node.");
		simulation.apply(new DeletePod("web-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new MovePod("web-1", "n2")))
			.withMessage("Pod web-1 is already terminating; it cannot be moved.");
	}

	@Test
	void deletePodShouldReplaceAWorkloadsPodButNotABarePod() {
		Simulation withDeployment = start(Presets.twoPodsThreeNodes());
		String victim = withDeployment.snapshot().pods().get(0).name();
		withDeployment.apply(new DeletePod(victim));
		assertThat(withDeployment.snapshot().pods()).hasSize(3)
			.filteredOn((pod) -> pod.status() == PodStatus.STARTING)
			.hasSize(1);
		Simulation bare = start(Presets.uneven310("Local"));
		bare.apply(new DeletePod("web-2"));
		assertThat(bare.snapshot().pods()).hasSize(4);
		bare.advanceTo(32_000_000, this.recorder);
		assertThat(bare.snapshot().pods()).extracting(PodState::name).containsExactly("web-1", "web-3", "web-4");
		assertThatIllegalArgumentException().isThrownBy(() -> bare.apply(new DeletePod(" ")))
			.withMessage("The pod name is missing.");
	}

	@Test
	void scaleReplicasShouldAddPodsPlacedByTheSchedulerAndRemoveTheSurplus() {
		Simulation simulation = start(Presets.twoPodsThreeNodes());
		simulation.apply(new ScaleReplicas(6));
		assertThat(simulation.snapshot().pods()).hasSize(6);
		assertThat(simulation.snapshot().pods()).extracting(PodState::node)
			.containsOnly("n1", "n2", "n3")
			.filteredOn("n3"::equals)
			.hasSize(2);
		simulation.advanceTo(10_000_000, this.recorder);
		assertThat(this.recorder.first(ReplicasScaled.class, (event) -> true))
			.isEqualTo(new SimulationEvent.ReplicasScaled(1_000_000, "Deployment/web", 2, 6));
		simulation.apply(new ScaleReplicas(3));
		assertThat(simulation.snapshot().pods()).filteredOn((pod) -> pod.status() == PodStatus.TERMINATING).hasSize(3);
		simulation.advanceTo(45_000_000, this.recorder);
		assertThat(simulation.snapshot().pods()).hasSize(3).extracting(PodState::node).doesNotHaveDuplicates();
		assertAssemblesBack(simulation);
	}

	@Test
	void scaleReplicasWithBadValuesShouldSayWhatIsWrong() {
		Simulation simulation = start(Presets.twoPodsThreeNodes());
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new ScaleReplicas(-1)))
			.withMessage("Replicas must be between 0 and 1,000 (a sandbox runs at most 1,000 pods, and 0 other pods "
					+ "exist), not -1.");
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new ScaleReplicas(1_001)))
			.withMessageContaining("not 1,001");
		Simulation bare = start(Presets.uneven310("Local"));
		assertThatIllegalArgumentException().isThrownBy(() -> bare.apply(new ScaleReplicas(3)))
			.withMessage("No Deployment, ReplicaSet or StatefulSet backs Service default/web; its pods are bare "
					+ "Pods, which cannot be scaled.");
	}

	// nodes

	@Test
	void addNodeShouldJoinTheClusterAndTheLoadBalancerAfterPassingProbes() {
		Simulation simulation = start(Presets.uneven310("Cluster"));
		simulation.apply(new AddNode(null));
		simulation.advanceTo(1_000_001, this.recorder);
		NodeAdded added = this.recorder.first(NodeAdded.class, (event) -> true);
		assertThat(added).isEqualTo(new NodeAdded(1_000_000, "n4", "192.168.0.14", "zone-a"));
		assertThat(node(simulation, "n4").verdict()).isEqualTo(TargetState.INITIAL);
		assertThat(simulation.statistics().exact().nodes()).hasSize(4);
		simulation.advanceTo(40_000_000, this.recorder);
		LoadBalancerTargetChanged healthy = this.recorder.first(LoadBalancerTargetChanged.class,
				(event) -> event.node().equals("n4") && event.to() == TargetState.HEALTHY);
		assertThat(this.recorder.all(ConnectionRouted.class, (event) -> event.entryNode().equals("n4"))).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.time()).isGreaterThan(healthy.time()));
		assertThat(this.recorder.all(ConnectionDropped.class)).isEmpty();
		simulation.apply(new AddNode("edge"));
		assertThat(node(simulation, "edge").internalIp()).isEqualTo("192.168.0.15");
		assertAssemblesBack(simulation);
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new AddNode("n2")))
			.withMessage("A node named \"n2\" already exists.");
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(() -> simulation.apply(new AddNode("Not_A_Name")))
			.withMessage("Node \"Not_A_Name\" is invalid: metadata.name: Invalid value: \"Not_A_Name\": a lowercase "
					+ "RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
					+ "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
					+ "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
	}

	@Test
	void addNodeBeyondTheLimitShouldBeRefused() {
		List<DeclaredNode> nodes = new ArrayList<>();
		for (int i = 1; i <= SimulationLimits.MAX_NODES; i++) {
			nodes.add(DeclaredNode.named("n" + i, Map.of()));
		}
		ClusterDeclaration full = Presets.cluster(nodes, List.of(Presets.webService("Cluster")));
		Simulation simulation = Simulation.start(full, Presets.settings(1));
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new AddNode(null)))
			.withMessage("The sandbox already has 100 nodes, its limit.");
		nodes.add(DeclaredNode.named("n101", Map.of()));
		ClusterDeclaration tooMany = Presets.cluster(nodes, List.of(Presets.webService("Cluster")));
		assertThatExceptionOfType(ClusterLimitException.class)
			.isThrownBy(() -> Simulation.start(tooMany, Presets.settings(1)))
			.withMessage("The cluster has 101 nodes; a live sandbox handles at most 100 nodes.");
	}

	@Test
	void removeNodeShouldDrainItThenDeleteItAndDeregisterIt() {
		Simulation simulation = start(Presets.uneven310("Cluster"));
		simulation.apply(new RemoveNode("n2"));
		simulation.advanceTo(1_000_001, this.recorder);
		assertThat(node(simulation, "n2").cordoned()).isTrue();
		assertThat(simulation.cluster().nodes().get(1).taints()).extracting(Taint::key)
			.containsExactly(Taint.TO_BE_DELETED_KEY);
		// the AWS Load Balancer Controller deregisters a node tainted for deletion at
		// once, and the NLB drains it for the deregistration delay (issue 11: it used to
		// leave the target group at once)
		LoadBalancerTargetChanged deregistered = this.recorder.first(LoadBalancerTargetChanged.class,
				(event) -> event.node().equals("n2") && event.to() == TargetState.DRAINING);
		assertThat(deregistered.time()).isEqualTo(1_000_000);
		assertThat(deregistered.reason()).isEqualTo("n2 is tainted ToBeDeletedByClusterAutoscaler; the AWS Load "
				+ "Balancer Controller deregisters it: it drains for 300 s (deregistration_delay.timeout_seconds): "
				+ "no new connections, established ones continue");
		assertThat(node(simulation, "n2").verdict()).isEqualTo(TargetState.DRAINING);
		assertThat(pod(simulation, "web-4").status()).isEqualTo(PodStatus.TERMINATING);
		simulation.advanceTo(40_000_000, this.recorder);
		NodeRemoved removed = this.recorder.first(NodeRemoved.class, (event) -> true);
		assertThat(removed.node()).isEqualTo("n2");
		assertThat(removed.killed()).isFalse();
		assertThat(removed.time()).isEqualTo(31_000_000);
		assertThat(this.recorder.all(LoadBalancerTargetChanged.class)).filteredOn((event) -> event.node().equals("n2"))
			.hasSize(1);
		assertThat(simulation.snapshot().nodes()).extracting(NodeState::name).containsExactly("n1", "n3");
		assertThat(this.recorder.all(ConnectionDropped.class)).isEmpty();
		assertAssemblesBack(simulation);
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new RemoveNode("n2")))
			.withMessage("There is no node \"n2\" (nodes: n1, n3).");
	}

	@Test
	void cordonNodeShouldKeepNewPodsOff() {
		Simulation simulation = start(Presets.twoPodsThreeNodes());
		simulation.apply(new CordonNode("n3", true));
		simulation.apply(new ScaleReplicas(4));
		assertThat(simulation.snapshot().pods()).extracting(PodState::node).doesNotContain("n3");
		assertThat(node(simulation, "n3").cordoned()).isTrue();
		simulation.apply(new CordonNode("n3", false));
		simulation.advanceTo(1_000_001, this.recorder);
		assertThat(this.recorder.all(NodeCordoned.class)).extracting(NodeCordoned::cordoned)
			.containsExactly(true, false);
	}

	@Test
	void drainNodeShouldEvictItsPodsToOtherNodes() {
		Simulation simulation = start(Presets.sixReplicasSpread());
		simulation.apply(new DrainNode("n1"));
		assertThat(podsOn(simulation, "n1")).hasSize(2)
			.allSatisfy((pod) -> assertThat(pod.status()).isEqualTo(PodStatus.TERMINATING));
		assertThat(simulation.snapshot().pods()).hasSize(8);
		simulation.advanceTo(40_000_000, this.recorder);
		assertThat(podsOn(simulation, "n1")).isEmpty();
		assertThat(simulation.snapshot().pods()).hasSize(6);
		assertThat(node(simulation, "n1").verdict()).isEqualTo(TargetState.UNHEALTHY);
	}

	// the Service

	@Test
	void setExternalTrafficPolicyToLocalShouldAllocateAHealthCheckNodePortAndClusterShouldReleaseIt() {
		Simulation simulation = start(Presets.uneven310("Cluster"));
		assertThat(simulation.cluster().services().get(0).healthCheckNodePort()).isZero();
		simulation.apply(new SetExternalTrafficPolicy(TrafficPolicy.LOCAL));
		int port = simulation.cluster().services().get(0).healthCheckNodePort();
		assertThat(port).isBetween(30000, 32767);
		assertThat(node(simulation, "n3").probeTarget()).isEqualTo("192.168.0.13:" + port + "/healthz");
		simulation.advanceTo(1_000_001, this.recorder);
		assertThat(this.recorder.first(ServiceUpdated.class, (event) -> true))
			.isEqualTo(new ServiceUpdated(1_000_000, "spec.externalTrafficPolicy", "Cluster", "Local", port, null));
		assertThat(simulation.statistics().exact().nodes().get(2).healthCheck().status()).isEqualTo(503);
		simulation.advanceTo(40_000_000, this.recorder);
		assertThat(node(simulation, "n3").verdict()).isEqualTo(TargetState.UNHEALTHY);
		simulation.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		assertThat(simulation.cluster().services().get(0).healthCheckNodePort()).isZero();
		assertThat(node(simulation, "n3").probeTarget()).isEqualTo("192.168.0.13:30080");
		assertAssemblesBack(simulation);
	}

	@Test
	void setExternalTrafficPolicyOnAClusterIpServiceShouldBeRejectedByTheApiServer() {
		Simulation simulation = assertExternalPolicyRefusedOnAClusterIp(Simulation::apply);
		assertThat(simulation.advanceTo(60_000_000, EventSink.NONE)).isZero();
	}

	@Test
	void setInternalTrafficPolicyShouldBeStoredAndSynced() {
		Simulation simulation = start(Presets.uneven310("Local"));
		simulation.apply(new SetInternalTrafficPolicy(TrafficPolicy.LOCAL));
		assertThat(simulation.cluster().services().get(0).internalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		simulation.advanceTo(2_000_001, this.recorder);
		assertThat(this.recorder.all(SimulationEvent.ProxyRulesSynced.class,
				(event) -> event.node().equals("n3") && event.time() == 2_000_000))
			.singleElement()
			.satisfies((event) -> assertThat(event.localEndpoints()).isEmpty());
	}

	@Test
	void setSessionAffinityShouldKeepEachClientOnOnePodPerNode() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(9));
		simulation.apply(new SetSessionAffinity(SessionAffinity.CLIENT_IP));
		assertThat(simulation.cluster().services().get(0).sessionAffinity()).isEqualTo(SessionAffinity.CLIENT_IP);
		simulation.advanceTo(2_000_000, EventSink.NONE);
		Recorder later = new Recorder();
		simulation.advanceTo(30_000_000, later);
		List<ConnectionRouted> onN1 = later.all(ConnectionRouted.class, (event) -> event.entryNode().equals("n1"));
		assertThat(onN1).hasSizeGreaterThan(100);
		for (String client : SimulationSettings.DEFAULT_CLIENT_IPS) {
			assertThat(onN1).filteredOn((event) -> event.clientIp().equals(client))
				.extracting(ConnectionRouted::pod)
				.containsOnly(onN1.stream()
					.filter((event) -> event.clientIp().equals(client))
					.findFirst()
					.orElseThrow()
					.pod());
		}
		assertThat(onN1).anySatisfy((event) -> assertThat(event.hops().get(2).reason()).contains("R12"));
		simulation.apply(new SetSessionAffinity(SessionAffinity.NONE));
		assertThat(simulation.cluster().services().get(0).sessionAffinity()).isEqualTo(SessionAffinity.NONE);
	}

	// the load balancer and the clients

	@Test
	void setLoadBalancerModelShouldChangeTheExactShares() {
		Simulation simulation = start(Presets.uneven310("Local"));
		simulation.apply(new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED));
		assertThat(simulation.statistics().exact().nodes()).extracting((node) -> node.lbShare())
			.containsExactly(Fraction.of(3, 4), Fraction.of(1, 4), Fraction.ZERO);
		assertThat(simulation.snapshot().loadBalancer()).isEqualTo(LoadBalancerModel.WEIGHTED);
		simulation.advanceTo(1_000_001, this.recorder);
		assertThat(this.recorder.all(LoadBalancerModelChanged.class)).singleElement()
			.isEqualTo(new LoadBalancerModelChanged(1_000_000, LoadBalancerModel.WEIGHTED));
	}

	@Test
	void setClientRateShouldChangeTheArrivalsAndRefuseBadRates() {
		Simulation simulation = start(Presets.uneven310("Local"));
		simulation.apply(new SetClientRate(0));
		Recorder quiet = new Recorder();
		simulation.advanceTo(60_000_000, quiet);
		assertThat(quiet.all(ConnectionRouted.class)).isEmpty();
		assertThat(quiet.all(ClientRateChanged.class)).singleElement().isEqualTo(new ClientRateChanged(1_000_000, 0));
		simulation.apply(new SetClientRate(1_000));
		simulation.advanceTo(70_000_000, EventSink.NONE);
		assertThat(simulation.statistics().connections()).isBetween(9_500L, 10_500L);
		assertThat(simulation.snapshot().connectionsPerSecond()).isEqualTo(1_000);
		for (double bad : new double[] { -1, 1_000.5, Double.NaN }) {
			assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new SetClientRate(bad)))
				.withMessage(
						"The client rate must be between 0 and 1,000 new connections per second, not " + bad + ".");
		}
	}

	@Test
	void refusedCommandShouldKeepTheStatisticsWindow() {
		Simulation simulation = start(Presets.uneven310("Local"));
		simulation.advanceTo(20_000_000, EventSink.NONE);
		long counted = simulation.statistics().connections();
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new DeletePod("nope")));
		assertThat(simulation.statistics().connections()).isEqualTo(counted);
		assertThat(simulation.statistics().countingSince()).isZero();
		simulation.apply(new SetClientRate(10));
		assertThat(simulation.statistics().connections()).isZero();
		assertThat(simulation.statistics().countingSince()).isEqualTo(20_000_000);
	}

}
