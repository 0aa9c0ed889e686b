package io.trafficlab.engine.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Taint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Scheduler}.
 */
class SchedulerTests {

	private static final Map<String, String> WEB = Map.of("app", "web");

	private static final LabelSelector WEB_SELECTOR = LabelSelector.of(WEB);

	@Test
	void scheduleWhenNodeNameSetShouldBindEvenToATaintedNode() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a"), node("n2", "a", gpuTaint())));
		List<Placement> placements = scheduler.schedule(pod().nodeName("n2").build(), 2);
		assertThat(placements).extracting(Placement::nodeName).containsExactly("n2", "n2");
	}

	@Test
	void scheduleWhenNodeNameUnknownShouldStayPending() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a")));
		Placement placement = scheduler.schedule(pod().nodeName("n9").build(), 1).get(0);
		assertThat(placement.pending()).isTrue();
		assertThat(placement.pendingReason()).contains("\"n9\"");
	}

	@Test
	void scheduleWhenNoConstraintsShouldSpreadOverNodesInOrder() {
		Scheduler scheduler = new Scheduler(threeNodes());
		assertThat(nodesOf(scheduler.schedule(pod().build(), 5))).containsExactly("n1", "n2", "n3", "n1", "n2");
	}

	@Test
	void scheduleWhenNoConstraintsShouldBalanceZonesToo() {
		Scheduler scheduler = new Scheduler(fourNodesInThreeZones());
		assertThat(nodesOf(scheduler.schedule(pod().build(), 4))).containsExactly("n1", "n3", "n4", "n2");
	}

	@Test
	void scheduleWhenPodsAlreadyRunShouldCountThem() {
		Scheduler scheduler = new Scheduler(threeNodes());
		scheduler.recordPod("default", WEB, "n1", false);
		scheduler.recordPod("default", WEB, "n1", false);
		scheduler.recordPod("other", WEB, "n2", false);
		scheduler.recordPod("default", Map.of("app", "db"), "n3", false);
		assertThat(nodesOf(scheduler.schedule(pod().build(), 3))).containsExactly("n2", "n3", "n2");
	}

	@Test
	void scheduleWhenNodeSelectorShouldUseOnlyMatchingNodes() {
		Scheduler scheduler = new Scheduler(threeNodes());
		List<Placement> placements = scheduler
			.schedule(pod().nodeSelector(Map.of("topology.kubernetes.io/zone", "zone-b")).build(), 2);
		assertThat(nodesOf(placements)).containsExactly("n2", "n2");
	}

	@Test
	void scheduleWhenNoNodeMatchesSelectorShouldSayWhy() {
		Scheduler scheduler = new Scheduler(threeNodes());
		Placement placement = scheduler.schedule(pod().nodeSelector(Map.of("disktype", "ssd")).build(), 1).get(0);
		assertThat(placement.pendingReason())
			.isEqualTo("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.");
	}

	@Test
	void scheduleWhenNodeTaintedShouldAvoidIt() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a", gpuTaint()), node("n2", "a")));
		assertThat(nodesOf(scheduler.schedule(pod().build(), 2))).containsExactly("n2", "n2");
	}

	@Test
	void scheduleWhenTaintToleratedShouldUseTheNode() {
		Toleration equal = new Toleration("dedicated", "Equal", "gpu", "NoSchedule");
		assertThat(nodesOf(new Scheduler(List.of(node("n1", "a", gpuTaint())))
			.schedule(pod().tolerations(List.of(equal)).build(), 1))).containsExactly("n1");
		Toleration exists = new Toleration("dedicated", "Exists", null, null);
		assertThat(nodesOf(new Scheduler(List.of(node("n1", "a", gpuTaint())))
			.schedule(pod().tolerations(List.of(exists)).build(), 1))).containsExactly("n1");
		Toleration everything = new Toleration(null, "Exists", null, null);
		assertThat(nodesOf(new Scheduler(List.of(node("n1", "a", gpuTaint(), new Taint("x", null, "NoExecute"))))
			.schedule(pod().tolerations(List.of(everything)).build(), 1))).containsExactly("n1");
	}

	@Test
	void scheduleWhenTolerationValueDiffersShouldNotTolerate() {
		Toleration other = new Toleration("dedicated", "Equal", "cpu", "NoSchedule");
		Placement placement = new Scheduler(List.of(node("n1", "a", gpuTaint())))
			.schedule(pod().tolerations(List.of(other)).build(), 1)
			.get(0);
		assertThat(placement.pendingReason())
			.isEqualTo("0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}.");
	}

	@Test
	void scheduleWhenTaintIsOnlyPreferNoScheduleShouldUseTheNode() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a", new Taint("soft", "x", "PreferNoSchedule"))));
		assertThat(nodesOf(scheduler.schedule(pod().build(), 1))).containsExactly("n1");
	}

	@Test
	void scheduleWhenNodeCordonedShouldSkipIt() {
		Scheduler scheduler = new Scheduler(List.of(cordoned(node("n1", "a")), node("n2", "b")));
		assertThat(nodesOf(scheduler.schedule(pod().build(), 2))).containsExactly("n2", "n2");
		Placement placement = new Scheduler(List.of(cordoned(node("n1", "a")))).schedule(pod().build(), 1).get(0);
		assertThat(placement.pendingReason()).isEqualTo("0/1 nodes are available: 1 node(s) were unschedulable.");
	}

	@Test
	void scheduleWhenHostnameSpreadShouldPutTwoReplicasOnTwoNodes() {
		Scheduler scheduler = new Scheduler(threeNodes());
		List<Placement> placements = scheduler.schedule(pod().spread(hostname(1, "DoNotSchedule")).build(), 2);
		assertThat(nodesOf(placements)).containsExactly("n1", "n2");
	}

	@Test
	void scheduleWhenHostnameSpreadShouldKeepSkewWithinOne() {
		Scheduler scheduler = new Scheduler(threeNodes());
		scheduler.recordPod("default", WEB, "n1", false);
		scheduler.recordPod("default", WEB, "n1", false);
		List<Placement> placements = scheduler.schedule(pod().spread(hostname(1, "DoNotSchedule")).build(), 4);
		assertThat(nodesOf(placements)).containsExactly("n2", "n3", "n2", "n3");
	}

	@Test
	void scheduleDuringARolloutShouldCountTheOldReplicaSetUnlessMatchLabelKeysNamesTheTemplateHash() {
		Map<String, String> newPods = Map.of("app", "web", "pod-template-hash", "new");
		TopologySpreadConstraint spread = hostname(1, "DoNotSchedule");
		TopologySpreadConstraint byRevision = new TopologySpreadConstraint(1, TopologySpreadConstraint.HOSTNAME,
				"DoNotSchedule", WEB_SELECTOR, null, null, null, List.of("pod-template-hash", "absent-key"));
		PodRequirements counted = new PodRequirements("default", newPods, null, Map.of(), List.of(), List.of(spread),
				WEB_SELECTOR);
		PodRequirements revisionOnly = new PodRequirements("default", newPods, null, Map.of(), List.of(),
				List.of(byRevision), WEB_SELECTOR);

		assertThat(countByNode(rollout().schedule(counted, 3))).isNotEqualTo(Map.of("n1", 1, "n2", 1, "n3", 1));
		assertThat(countByNode(rollout().schedule(revisionOnly, 3))).isEqualTo(Map.of("n1", 1, "n2", 1, "n3", 1));
		assertThat(byRevision.selectorFor(newPods).matches(Map.of("app", "web", "pod-template-hash", "old"))).isFalse();
		assertThat(byRevision.selectorFor(newPods).matches(newPods)).isTrue();
		assertThat(byRevision.selectorFor(Map.of("app", "web"))).isEqualTo(WEB_SELECTOR);
	}

	/** Three nodes where the old ReplicaSet still runs a pod on n2 and one on n3. */
	private static Scheduler rollout() {
		Scheduler scheduler = new Scheduler(threeNodes());
		scheduler.recordPod("default", Map.of("app", "web", "pod-template-hash", "old"), "n2", false);
		scheduler.recordPod("default", Map.of("app", "web", "pod-template-hash", "old"), "n3", false);
		return scheduler;
	}

	@Test
	void scheduleWhenTaintedNodeCountsAsDomainShouldLeaveReplicasPendingWithTheEvent() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a"), node("n2", "b"), node("n3", "c", gpuTaint())));
		List<Placement> placements = scheduler.schedule(pod().spread(hostname(1, "DoNotSchedule")).build(), 4);
		assertThat(nodesOf(placements)).containsExactly("n1", "n2", null, null);
		assertThat(placements.get(2).pendingReason()).isEqualTo("0/3 nodes are available: 1 node(s) had untolerated "
				+ "taint {dedicated: gpu}, 2 node(s) didn't match pod topology spread constraints.");
	}

	@Test
	void scheduleWhenTaintsPolicyHonorShouldNotCountTaintedDomains() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a"), node("n2", "b"), node("n3", "c", gpuTaint())));
		TopologySpreadConstraint honor = new TopologySpreadConstraint(1, TopologySpreadConstraint.HOSTNAME,
				"DoNotSchedule", WEB_SELECTOR, null, null, "Honor");
		assertThat(nodesOf(scheduler.schedule(pod().spread(honor).build(), 4))).containsExactly("n1", "n2", "n1", "n2");
	}

	@Test
	void scheduleWhenZoneSpreadShouldBalanceZonesNotNodes() {
		Scheduler scheduler = new Scheduler(fourNodesInThreeZones());
		List<Placement> placements = scheduler.schedule(pod().spread(zone(1, "DoNotSchedule")).build(), 6);
		assertThat(countByNode(placements))
			.containsExactlyInAnyOrderEntriesOf(Map.of("n1", 1, "n2", 1, "n3", 2, "n4", 2));
	}

	@Test
	void scheduleWhenZoneAndHostnameSpreadShouldPlaceTwoPerNode() {
		Scheduler scheduler = new Scheduler(threeNodes());
		List<Placement> placements = scheduler
			.schedule(pod().spread(zone(1, "DoNotSchedule")).spread(hostname(1, "DoNotSchedule")).build(), 6);
		assertThat(nodesOf(placements)).containsExactly("n1", "n2", "n3", "n1", "n2", "n3");
	}

	@Test
	void scheduleWhenZoneLabelMissingShouldSayTheLabelIsMissing() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", null), node("n2", null)));
		Placement placement = scheduler.schedule(pod().spread(zone(1, "DoNotSchedule")).build(), 1).get(0);
		assertThat(placement.pendingReason()).isEqualTo("0/2 nodes are available: 2 node(s) didn't match pod topology "
				+ "spread constraints (missing required label).");
	}

	@Test
	void scheduleWhenScheduleAnywayShouldPlaceBeyondTheSkew() {
		Scheduler scheduler = new Scheduler(threeNodes());
		List<Placement> placements = scheduler.schedule(pod().nodeSelector(Map.of("kubernetes.io/hostname", "n1"))
			.spread(hostname(1, "ScheduleAnyway"))
			.build(), 3);
		assertThat(nodesOf(placements)).containsExactly("n1", "n1", "n1");
	}

	@Test
	void scheduleWhenScheduleAnywayShouldPreferEmptierZones() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a"), node("n2", "a"), node("n3", "b")));
		scheduler.recordPod("default", WEB, "n3", false);
		scheduler.recordPod("default", WEB, "n3", false);
		List<Placement> placements = scheduler.schedule(pod().spread(zone(1, "ScheduleAnyway")).build(), 3);
		assertThat(nodesOf(placements)).containsExactly("n1", "n2", "n1");
	}

	@Test
	void scheduleWhenNodesFullShouldSayTooManyPods() {
		Scheduler scheduler = new Scheduler(threeNodes(), 2);
		List<Placement> placements = scheduler.schedule(pod().build(), 7);
		assertThat(placements.subList(0, 6)).noneMatch(Placement::pending);
		assertThat(placements.get(6).pendingReason()).isEqualTo("0/3 nodes are available: 3 Too many pods.");
		assertThat(scheduler.podsOn("n1")).isEqualTo(2);
	}

	@Test
	void scheduleWhenMinDomainsNotReachedShouldTreatMinimumAsZero() {
		Scheduler scheduler = new Scheduler(List.of(node("n1", "a"), node("n2", "b")));
		TopologySpreadConstraint constraint = new TopologySpreadConstraint(1, TopologySpreadConstraint.ZONE,
				"DoNotSchedule", WEB_SELECTOR, 3, null, null);
		List<Placement> placements = scheduler.schedule(pod().spread(constraint).build(), 3);
		assertThat(nodesOf(placements)).containsExactly("n1", "n2", null);
	}

	@Test
	void scheduleWhenRepeatedShouldPlaceIdentically() {
		PodRequirements pod = pod().spread(zone(2, "ScheduleAnyway")).build();
		List<String> first = nodesOf(new Scheduler(threeNodes()).schedule(pod, 20));
		List<String> second = nodesOf(new Scheduler(threeNodes()).schedule(pod, 20));
		assertThat(second).isEqualTo(first);
	}

	@Test
	void scheduleDaemonSetWhenNodesDifferShouldRunWhereAllowed() {
		List<Node> nodes = List.of(node("n1", "a"), cordoned(node("n2", "b")), node("n3", "c", gpuTaint()),
				node("n4", "c"));
		Scheduler scheduler = new Scheduler(nodes, 1);
		scheduler.recordPod("default", Map.of("app", "db"), "n4", false);
		List<Placement> placements = scheduler.scheduleDaemonSet(pod().build());
		assertThat(nodesOf(placements)).containsExactly("n1", "n2", null);
		assertThat(placements.get(2).pendingReason()).isEqualTo(
				"0/4 nodes are available: 1 Too many pods, 3 node(s) didn't match Pod's node affinity/selector.");
	}

	@Test
	void scheduleWhenSortedSetsUsedShouldMatchTheFullScan() {
		Random random = new Random(42);
		for (int round = 0; round < 40; round++) {
			List<Node> nodes = new ArrayList<>();
			int nodeCount = 1 + random.nextInt(12);
			for (int i = 0; i < nodeCount; i++) {
				String zone = random.nextInt(6) == 0 ? null : "z" + random.nextInt(3);
				Node node = random.nextInt(5) == 0 ? node("n" + i, zone, gpuTaint()) : node("n" + i, zone);
				nodes.add(random.nextInt(8) == 0 ? cordoned(node) : node);
			}
			PodBuilder pod = pod();
			if (random.nextBoolean()) {
				pod.spread(zone(1 + random.nextInt(2), random.nextBoolean() ? "DoNotSchedule" : "ScheduleAnyway"));
			}
			if (random.nextBoolean()) {
				pod.spread(hostname(1 + random.nextInt(2), random.nextBoolean() ? "DoNotSchedule" : "ScheduleAnyway"));
			}
			int maxPods = 1 + random.nextInt(6);
			Scheduler fast = new Scheduler(nodes, maxPods);
			Scheduler scan = new Scheduler(nodes, maxPods, true);
			for (int i = 0; i < random.nextInt(5); i++) {
				String on = "n" + random.nextInt(nodeCount);
				fast.recordPod("default", WEB, on, false);
				scan.recordPod("default", WEB, on, false);
			}
			int replicas = random.nextInt(20);
			assertThat(fast.schedule(pod.build(), replicas)).as("round %d", round)
				.isEqualTo(scan.schedule(pod.build(), replicas));
		}
	}

	private static List<Node> fourNodesInThreeZones() {
		return List.of(node("n1", "a"), node("n2", "a"), node("n3", "b"), node("n4", "c"));
	}

	private static List<Node> threeNodes() {
		return List.of(node("n1", "zone-a"), node("n2", "zone-b"), node("n3", "zone-c"));
	}

	static Node node(String name, String zone, Taint... taints) {
		Map<String, String> labels = new HashMap<>();
		labels.put("kubernetes.io/hostname", name);
		if (zone != null) {
			labels.put("topology.kubernetes.io/zone", zone);
		}
		return new Node(name, labels, zone, "192.168.0.1", "10.244.1.0/24", "10.244.1.1", List.of(taints), false, true,
				false);
	}

	private static Node cordoned(Node node) {
		return new Node(node.name(), node.labels(), node.zone(), node.internalIp(), node.podCidr(), node.bridgeIp(),
				node.taints(), false, true, true);
	}

	private static Taint gpuTaint() {
		return new Taint("dedicated", "gpu", "NoSchedule");
	}

	private static TopologySpreadConstraint hostname(int maxSkew, String when) {
		return TopologySpreadConstraint.of(maxSkew, TopologySpreadConstraint.HOSTNAME, when, WEB_SELECTOR);
	}

	private static TopologySpreadConstraint zone(int maxSkew, String when) {
		return TopologySpreadConstraint.of(maxSkew, TopologySpreadConstraint.ZONE, when, WEB_SELECTOR);
	}

	private static List<String> nodesOf(List<Placement> placements) {
		return placements.stream().map(Placement::nodeName).toList();
	}

	private static Map<String, Integer> countByNode(List<Placement> placements) {
		Map<String, Integer> counts = new HashMap<>();
		placements.forEach((placement) -> counts.merge(placement.nodeName(), 1, Integer::sum));
		return counts;
	}

	private static PodBuilder pod() {
		return new PodBuilder();
	}

	/**
	 * Builds a pod of the {@code app: web} workload.
	 */
	private static final class PodBuilder {

		private String nodeName;

		private Map<String, String> nodeSelector = Map.of();

		private List<Toleration> tolerations = List.of();

		private final List<TopologySpreadConstraint> spread = new ArrayList<>();

		PodBuilder nodeName(String name) {
			this.nodeName = name;
			return this;
		}

		PodBuilder nodeSelector(Map<String, String> selector) {
			this.nodeSelector = selector;
			return this;
		}

		PodBuilder tolerations(List<Toleration> list) {
			this.tolerations = list;
			return this;
		}

		PodBuilder spread(TopologySpreadConstraint constraint) {
			this.spread.add(constraint);
			return this;
		}

		PodRequirements build() {
			return new PodRequirements("default", WEB, this.nodeName, this.nodeSelector, this.tolerations, this.spread,
					WEB_SELECTOR);
		}

	}

}
