package io.trafficlab.engine.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.net.Ipv4;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.trafficlab.engine.cluster.Declarations.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ClusterAssembler}: nodes, addresses, pods and workloads.
 */
class ClusterAssemblerTests {

	@Test
	void assembleWhenNoNodesShouldUseThreeNodesInThreeZones() {
		AssembledCluster assembled = new Declarations().webService("LoadBalancer", null).assemble();
		List<Node> nodes = assembled.cluster().nodes();
		assertThat(nodes).extracting(Node::name).containsExactly("node-a", "node-b", "node-c");
		assertThat(nodes).extracting(Node::zone).containsExactly("zone-a", "zone-b", "zone-c");
		assertThat(nodes).extracting(Node::internalIp).containsExactly("192.168.0.11", "192.168.0.12", "192.168.0.13");
		assertThat(nodes).extracting(Node::podCidr).containsExactly("10.244.1.0/24", "10.244.2.0/24", "10.244.3.0/24");
		assertThat(nodes).extracting(Node::bridgeIp).containsExactly("10.244.1.1", "10.244.2.1", "10.244.3.1");
		assertThat(nodes.get(0).labels()).containsEntry("kubernetes.io/hostname", "node-a")
			.containsEntry("topology.kubernetes.io/zone", "zone-a");
		assertThat(assembled.warnings()).anyMatch((warning) -> warning.contains("node-a, node-b and node-c"));
	}

	@Test
	void assembleWhenNodesDeclaredShouldKeepDeclaredValuesAndSkipThemWhenFillingIn() {
		DeclaredNode first = new DeclaredNode("n1", Map.of("kubernetes.io/hostname", "host-1"),
				Map.of("trafficlab.io/kube-proxy-healthy", "false"), "192.168.0.12", "10.244.2.0/24",
				List.of(new Taint("dedicated", "gpu", "NoSchedule")), true, true);
		Cluster cluster = new Declarations().node(first).node("n2", "zone-b").assemble().cluster();
		Node n1 = cluster.nodes().get(0);
		Node n2 = cluster.nodes().get(1);
		assertThat(n1.internalIp()).isEqualTo("192.168.0.12");
		assertThat(n1.podCidr()).isEqualTo("10.244.2.0/24");
		assertThat(n1.labels()).containsEntry("kubernetes.io/hostname", "host-1");
		assertThat(n1.zone()).isNull();
		assertThat(n1.proxyHealthy()).isFalse();
		assertThat(n1.deleting()).isTrue();
		assertThat(n1.unschedulable()).isTrue();
		assertThat(n1.taints()).containsExactly(new Taint("dedicated", "gpu", "NoSchedule"));
		assertThat(n2.internalIp()).isEqualTo("192.168.0.13");
		assertThat(n2.podCidr()).isEqualTo("10.244.3.0/24");
		assertThat(n2.bridgeIp()).isEqualTo("10.244.3.1");
		assertThat(n2.proxyHealthy()).isTrue();
		assertThat(n2.zone()).isEqualTo("zone-b");
	}

	@Test
	void assembleWhenManyNodesShouldCountAddressesOnAndWrapPodCidrsInsideTenSlashEight() {
		Declarations declarations = new Declarations();
		for (int i = 1; i <= 5000; i++) {
			declarations.node("n" + i, "zone-" + (i % 3));
		}
		List<Node> nodes = declarations.assemble().cluster().nodes();
		assertThat(nodes.get(299).internalIp()).isEqualTo("192.168.1.54");
		assertThat(nodes.get(254).podCidr()).isEqualTo("10.244.255.0/24");
		assertThat(nodes.get(255).podCidr()).isEqualTo("10.245.0.0/24");
		assertThat(nodes.get(3070).podCidr()).isEqualTo("10.255.255.0/24");
		assertThat(nodes.get(3071).podCidr()).isEqualTo("10.0.0.0/24");
		Set<String> cidrs = new HashSet<>();
		for (Node node : nodes) {
			assertThat(cidrs.add(node.podCidr())).isTrue();
			long network = Ipv4.parse(node.podCidr().substring(0, node.podCidr().indexOf('/')));
			assertThat(network).isBetween(Ipv4.parse("10.0.0.0"), Ipv4.parse("10.255.255.0"));
			assertThat(network < Ipv4.parse("10.96.0.0") || network > Ipv4.parse("10.111.255.255")).isTrue();
		}
	}

	@Test
	void assembleWhenPodsNameUndeclaredNodesShouldAddThoseNodes() {
		AssembledCluster assembled = new Declarations().pod("p1", "worker-1").pod("p2", "worker-2").assemble();
		assertThat(assembled.cluster().nodes()).extracting(Node::name).containsExactly("worker-1", "worker-2");
		assertThat(assembled.warnings()).anyMatch((warning) -> warning.contains("worker-1, worker-2"));
	}

	@Test
	void assembleWhenPodsDeclaredShouldKeepTheirIpsAndNumberTheRestInPlacementOrder() {
		DeclaredPod withIp = new DeclaredPod("default", "p2", WEB, PodScheduling.on("n1"),
				new DeclaredPodStatus("Running", "10.244.1.10", true), false, List.of());
		Cluster cluster = new Declarations().node("n1", "a")
			.pod("p1", "n1")
			.pod(withIp)
			.pod("p3", "n1")
			.assemble()
			.cluster();
		assertThat(cluster.pods()).extracting(Pod::name, Pod::ip)
			.containsExactly(tuple("p1", "10.244.1.11"), tuple("p2", "10.244.1.10"), tuple("p3", "10.244.1.12"));
	}

	@Test
	void assembleWhenPodHasNoStatusShouldBeReadyAndWithStatusShouldFollowIt() {
		DeclaredPod notReady = new DeclaredPod("default", "p2", WEB, PodScheduling.on("n1"),
				new DeclaredPodStatus("Running", "10.244.1.50", false), false, List.of());
		DeclaredPod terminating = new DeclaredPod("default", "p3", WEB, PodScheduling.on("n1"), null, true, List.of());
		DeclaredPod observedPending = new DeclaredPod("default", "p4", WEB, PodScheduling.ANYWHERE,
				new DeclaredPodStatus("Pending", null, false), false, List.of());
		Cluster cluster = new Declarations().node("n1", "a")
			.pod("p1", "n1")
			.pod(notReady)
			.pod(terminating)
			.pod(observedPending)
			.assemble()
			.cluster();
		assertThat(cluster.pods()).extracting(Pod::ready).containsExactly(true, false, true, false);
		assertThat(cluster.pods()).extracting(Pod::terminating).containsExactly(false, false, true, false);
		assertThat(cluster.pods().get(3).nodeName()).isNull();
		assertThat(cluster.pods().get(3).ip()).isNull();
	}

	@Test
	void assembleWhenBarePodHasNoNodeShouldScheduleIt() {
		DeclaredPod bare = new DeclaredPod("default", "p1", WEB, PodScheduling.ANYWHERE, null, false, List.of());
		Cluster cluster = new Declarations().node("n1", "a")
			.node("n2", "b")
			.pod("p0", "n1")
			.pod(bare)
			.assemble()
			.cluster();
		assertThat(cluster.pods().get(1).nodeName()).isEqualTo("n2");
		assertThat(cluster.pods().get(1).ip()).isEqualTo("10.244.2.10");
	}

	@Test
	void assembleWhenDeploymentShouldNamePodsLikeAReplicaSet() {
		Cluster cluster = new Declarations().node("n1", "a")
			.node("n2", "b")
			.workload(WorkloadKind.DEPLOYMENT, "web", 3)
			.assemble()
			.cluster();
		List<Pod> pods = cluster.pods();
		assertThat(pods).hasSize(3).allMatch(Pod::ready);
		assertThat(pods).extracting(Pod::name).allMatch((name) -> name.matches("web-[a-z0-9]{10}-[a-z0-9]{5}"));
		String hash = pods.get(0).labels().get("pod-template-hash");
		assertThat(pods).allMatch((pod) -> pod.name().startsWith("web-" + hash + "-"));
		assertThat(pods).extracting(Pod::nodeName).containsExactly("n1", "n2", "n1");
		assertThat(pods).extracting(Pod::ip).containsExactly("10.244.1.10", "10.244.2.10", "10.244.1.11");
		assertThat(new HashSet<>(pods.stream().map(Pod::name).toList())).hasSize(3);
	}

	@Test
	void assembleWhenStatefulSetAndDaemonSetShouldNameTheirPodsTheirWay() {
		DeclaredNode tainted = new DeclaredNode("n3", Map.of(), Map.of(), null, null,
				List.of(new Taint("dedicated", "gpu", "NoSchedule")), false, false);
		Cluster cluster = new Declarations().node("n1", "a")
			.node("n2", "b")
			.node(tainted)
			.workload(WorkloadKind.STATEFUL_SET, "db", 2)
			.workload(WorkloadKind.DAEMON_SET, "agent", null)
			.assemble()
			.cluster();
		assertThat(cluster.pods()).extracting(Pod::name).startsWith("db-0", "db-1");
		assertThat(cluster.pods().get(0).labels()).containsEntry("statefulset.kubernetes.io/pod-name", "db-0");
		List<Pod> agents = cluster.pods().subList(2, cluster.pods().size());
		assertThat(agents).extracting(Pod::nodeName).containsExactly("n1", "n2");
		assertThat(agents).extracting(Pod::name).allMatch((name) -> name.matches("agent-[a-z0-9]{5}"));
	}

	@Test
	void assembleWhenReplicasCannotBePlacedShouldLeaveThemPendingWithAWarning() {
		TopologySpreadConstraint spread = TopologySpreadConstraint.of(1, TopologySpreadConstraint.ZONE, "DoNotSchedule",
				LabelSelector.of(WEB));
		AssembledCluster assembled = new Declarations().node(DeclaredNode.named("n1", Map.of()))
			.workload(WorkloadKind.DEPLOYMENT, "web", 2, spread)
			.assemble();
		assertThat(assembled.cluster().pods())
			.allMatch((pod) -> pod.nodeName() == null && pod.ip() == null && !pod.ready());
		assertThat(assembled.warnings()).contains("Deployment default/web: 2 of 2 pod(s) stay Pending: 0/1 nodes are "
				+ "available: 1 node(s) didn't match pod topology spread constraints (missing required label).");
	}

	@Test
	void assembleWhenRepeatedShouldGiveTheSameCluster() {
		Declarations declarations = new Declarations().webService("LoadBalancer", "PreferClose")
			.workload(WorkloadKind.DEPLOYMENT, "web", 5);
		assertThat(declarations.assemble()).isEqualTo(declarations.assemble());
	}

	@Test
	void assembleWhenKubectlGetAllShouldNotCountPodsTwice() {
		DeclaredWorkload deployment = new DeclaredWorkload(WorkloadKind.DEPLOYMENT, "default", "web", 2,
				LabelSelector.of(WEB), WEB, PodScheduling.ANYWHERE, List.of());
		Cluster cluster = new Declarations().node("n1", "a")
			.workload(deployment)
			.workload(webReplicaSet())
			.ownedPod("web-5d4f8b7c9d-abcde", "n1", "ReplicaSet", "web-5d4f8b7c9d")
			.ownedPod("web-5d4f8b7c9d-fghij", "n1", "ReplicaSet", "web-5d4f8b7c9d")
			.assemble()
			.cluster();
		assertThat(cluster.pods()).extracting(Pod::name)
			.containsExactly("web-5d4f8b7c9d-abcde", "web-5d4f8b7c9d-fghij");
	}

	@Test
	void assembleWhenReplicaSetOwnedByDeclaredDeploymentShouldOnlyExpandTheDeployment() {
		Cluster cluster = new Declarations().node("n1", "a")
			.workload(WorkloadKind.DEPLOYMENT, "web", 3)
			.workload(webReplicaSet())
			.assemble()
			.cluster();
		assertThat(cluster.pods()).hasSize(3);
	}

	/**
	 * A Deployment's pods, owned through a ReplicaSet that is not declared, or a
	 * StatefulSet's own pods: the declared pods stand for the workload.
	 */
	@ParameterizedTest(name = "{0} {1} with pod {2} owned by {3} {4}")
	@CsvSource({ "DEPLOYMENT, web, web-5d4f8b7c9d-abcde, ReplicaSet, web-5d4f8b7c9d",
			"STATEFUL_SET, db, db-0, StatefulSet, db" })
	void assembleWhenAWorkloadsPodsAreDeclaredShouldNotExpandIt(WorkloadKind kind, String workload, String pod,
			String ownerKind, String owner) {
		Cluster cluster = new Declarations().node("n1", "a")
			.workload(kind, workload, 3)
			.ownedPod(pod, "n1", ownerKind, owner)
			.assemble()
			.cluster();
		assertThat(cluster.pods()).extracting(Pod::name).containsExactly(pod);
	}

	@Test
	void assembleWhenMoreThanFiveThousandNodesShouldNameTheLimit() {
		Declarations declarations = new Declarations();
		for (int i = 0; i <= 5000; i++) {
			declarations.node(DeclaredNode.named("n" + i, Map.of()));
		}
		assertThatExceptionOfType(ClusterLimitException.class).isThrownBy(declarations::assemble)
			.withMessage("The cluster has 5,001 nodes; Traffic Lab handles at most 5,000 nodes.");
	}

	@Test
	void assembleWhenMoreThanFiftyThousandPodsShouldNameTheLimitBeforeExpanding() {
		Declarations declarations = new Declarations().pod("p1", "n1").workload(WorkloadKind.DEPLOYMENT, "web", 50_000);
		assertThatExceptionOfType(ClusterLimitException.class).isThrownBy(declarations::assemble)
			.withMessage("The cluster has 50,001 pods; Traffic Lab handles at most 50,000 pods.");
		Declarations huge = new Declarations().workload(WorkloadKind.DEPLOYMENT, "web", Integer.MAX_VALUE);
		assertThatExceptionOfType(ClusterLimitException.class).isThrownBy(huge::assemble)
			.withMessage("The cluster has 2,147,483,647 pods; Traffic Lab handles at most 50,000 pods.");
	}

	@Test
	void assembleWhenWorkloadInvalidShouldWordItLikeTheApiServer() {
		Declarations negative = new Declarations().workload(WorkloadKind.DEPLOYMENT, "web", -1);
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(negative::assemble)
			.withMessage("Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: "
					+ "must be greater than or equal to 0");
		Declarations mismatch = new Declarations().workload(new DeclaredWorkload(WorkloadKind.DEPLOYMENT, "default",
				"web", 1, LabelSelector.of(Map.of("app", "api")), WEB, PodScheduling.ANYWHERE, List.of()));
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(mismatch::assemble)
			.withMessage("Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: "
					+ "map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
		TopologySpreadConstraint bad = TopologySpreadConstraint.of(0, TopologySpreadConstraint.ZONE, "DoNotScheduleNow",
				LabelSelector.of(WEB));
		Declarations skew = new Declarations().workload(WorkloadKind.DEPLOYMENT, "web", 1, bad);
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(skew::assemble)
			.withMessage("Deployment.apps \"web\" is invalid: "
					+ "[spec.template.spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater "
					+ "than zero, spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable: "
					+ "Unsupported value: \"DoNotScheduleNow\": supported values: \"DoNotSchedule\", "
					+ "\"ScheduleAnyway\"]");
	}

	@Test
	void assembleWhenServiceInvalidShouldReportEveryRejectedService() {
		Declarations declarations = new Declarations().webService("LoadBalancer", null);
		declarations.services.add(DeclaredService.builder("default", "api")
			.port(DeclaredServicePort.tcp(80, 80))
			.externalTrafficPolicy("Local")
			.build());
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(declarations::assemble)
			.satisfies((ex) -> assertThat(ex.messages()).containsExactly("Service \"api\" is invalid: "
					+ "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible "
					+ "services"));
	}

	@Test
	void assembleWhenServiceIsHeadlessOrExternalNameShouldLeaveItOutWithAWarning() {
		Declarations declarations = new Declarations();
		declarations.services.add(DeclaredService.builder("default", "db").clusterIp("None").build());
		declarations.services.add(DeclaredService.builder("default", "ext").type("ExternalName").build());
		AssembledCluster assembled = declarations.assemble();
		assertThat(assembled.cluster().services()).isEmpty();
		assertThat(assembled.warnings()).anyMatch((w) -> w.contains("headless"))
			.anyMatch((w) -> w.contains("ExternalName"));
	}

	/** The ReplicaSet {@code web-5d4f8b7c9d} that Deployment {@code web} owns. */
	private static DeclaredWorkload webReplicaSet() {
		return new DeclaredWorkload(WorkloadKind.REPLICA_SET, "default", "web-5d4f8b7c9d", 2, LabelSelector.of(WEB),
				WEB, PodScheduling.ANYWHERE, List.of(new OwnerReference("Deployment", "web")));
	}

}
