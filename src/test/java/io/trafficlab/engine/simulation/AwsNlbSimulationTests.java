package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionReset;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import io.trafficlab.engine.simulation.SimulationStatistics.NodeStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sandbox's AWS NLB with instance targets, in simulated time, against the windows of
 * the research's detection table (docs/research/load-balancers-verified.md §3.3, row
 * {@code aws-nlb-instance}) and its zone rows (§7.4): each window is checked over several
 * seeds, since the probes' phases are random.
 */
class AwsNlbSimulationTests {

	private static final long KILLED_AT = 15_000_000;

	private static final long SECOND = 1_000_000;

	/**
	 * How long after its node is killed the LB marks the target unhealthy: under Local
	 * (HTTP to healthCheckNodePort) within 16 to 26 s, under Cluster (TCP to the
	 * NodePort) within 30 to 40 s.
	 */
	@ParameterizedTest(name = "under {0}, {1} turns unhealthy within {3} to {4} s")
	@CsvSource({ "Local, n1, 40, 16, 26", "Cluster, n3, 45, 30, 40" })
	void aKilledNodeShouldTurnUnhealthyWithinItsPolicysWindow(String policy, String node, long watchSeconds,
			long fromSeconds, long toSeconds) {
		for (long seed = 1; seed <= 20; seed++) {
			Recorder recorder = new Recorder();
			Simulation simulation = Simulation.start(Presets.uneven310(policy), Presets.settings(seed));
			simulation.advanceTo(KILLED_AT, recorder);
			simulation.apply(new KillNode(node));
			simulation.advanceTo(KILLED_AT + watchSeconds * SECOND, recorder);
			long after = recorder.turnedUnhealthy(node).time() - KILLED_AT;
			assertThat(after).as("seed %d", seed)
				.isGreaterThan(fromSeconds * SECOND)
				.isLessThanOrEqualTo(toSeconds * SECOND);
		}
	}

	@Test
	void aDeadNodeShouldDrainFromItsNotReadyAndLeaveTheTargetGroupAfterTheDeregistrationDelay() {
		Recorder recorder = new Recorder();
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		simulation.advanceTo(KILLED_AT, recorder);
		simulation.apply(new KillNode("n2"));
		long notReadyAt = KILLED_AT + NodeLifecycle.NODE_MONITOR_GRACE_MICROS;
		simulation.advanceTo(notReadyAt - 1, recorder);
		assertThat(Snapshots.node(simulation, "n2").verdict()).isEqualTo(TargetState.UNHEALTHY);
		simulation.advanceTo(notReadyAt + 400 * SECOND, recorder);
		List<LoadBalancerTargetChanged> n2 = recorder.all(LoadBalancerTargetChanged.class,
				(event) -> event.node().equals("n2"));
		assertThat(n2).extracting(LoadBalancerTargetChanged::to)
			.containsExactly(TargetState.UNHEALTHY, TargetState.DRAINING, null);
		assertThat(n2.get(1).time()).isEqualTo(notReadyAt);
		assertThat(n2.get(1).reason()).isEqualTo("n2's Ready condition is Unknown; the AWS Load Balancer Controller "
				+ "deregisters it (it registers only nodes whose Ready is True): it drains for 300 s "
				+ "(deregistration_delay.timeout_seconds): no new connections, established ones continue");
		assertThat(n2.get(2).time()).isEqualTo(notReadyAt + 300 * SECOND);
		assertThat(n2.get(2).reason()).isEqualTo(
				"its deregistration delay (300 s, deregistration_delay.timeout_seconds) is over: n2 leaves the target "
						+ "group");
		// no probe of a draining target, and no new connection to it
		assertThat(recorder.all(ProbeAnswered.class, (probe) -> probe.node().equals("n2") && probe.time() > notReadyAt))
			.isEmpty();
		assertThat(recorder.all(ConnectionRouted.class,
				(event) -> event.entryNode().equals("n2") && event.time() >= n2.get(0).time()))
			.isEmpty();
	}

	@Test
	void aShorterDeregistrationDelayShouldRemoveTheTargetSooner() {
		Recorder recorder = new Recorder();
		Simulation simulation = Simulation.start(Presets.uneven310("Local"),
				Presets.settings(3).withNlb(NlbAttributes.awsDefaults().withDeregistrationDelay(20 * SECOND)));
		simulation.advanceTo(KILLED_AT, recorder);
		simulation.apply(new KillNode("n2"));
		simulation.advanceTo(KILLED_AT + 100 * SECOND, recorder);
		LoadBalancerTargetChanged removed = recorder.first(LoadBalancerTargetChanged.class,
				(event) -> event.node().equals("n2") && event.to() == null);
		assertThat(removed.time()).isEqualTo(KILLED_AT + NodeLifecycle.NODE_MONITOR_GRACE_MICROS + 20 * SECOND);
	}

	@Test
	void theFlipToUnhealthyShouldResetEstablishedConnectionsWithItsReasonUnlessTheAttributeIsOff() {
		// 200 ms per hop: a connection lives over a second, so some are open at the flip
		SimulationSettings slow = Presets.settings(5).withTimings(1_000_000, 5_000_000, 30_000_000, 200_000);
		List<ConnectionReset> resets = resetsAfterN2LosesItsPod(slow);
		assertThat(resets).isNotEmpty().allSatisfy((reset) -> {
			assertThat(reset.pod()).isEqualTo("web-4");
			assertThat(reset.reason()).startsWith("the load balancer marked n2 unhealthy and sends a TCP RST");
		});
		assertThat(resetsAfterN2LosesItsPod(slow.withNlb(NlbAttributes.awsDefaults().withResetOnUnhealthy(false))))
			.isEmpty();
	}

	private static List<ConnectionReset> resetsAfterN2LosesItsPod(SimulationSettings settings) {
		Recorder recorder = new Recorder();
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), settings);
		simulation.advanceTo(KILLED_AT, recorder);
		simulation.apply(new DeletePod("web-4"));
		simulation.advanceTo(KILLED_AT + 40 * SECOND, recorder);
		long unhealthyAt = recorder.turnedUnhealthy("n2").time();
		assertThat(recorder.all(ConnectionRouted.class, (event) -> event.entryNode().equals("n2")
				&& event.time() < unhealthyAt && event.completesAt() > unhealthyAt))
			.isNotEmpty();
		return recorder.all(ConnectionReset.class);
	}

	@Test
	void afterLocalTurnsClusterTheSharesNowShouldLagTheSettledOnesUntilN3PassesThreeProbes() {
		// 3/1/0 under Local: n3 has no pod, so the NLB marked it unhealthy; under Cluster
		// it passes the TCP probe of its NodePort, but only after 3 in a row (10 s apart;
		// the first, sent before kube-proxy's sync, is dropped by the Local rules and
		// times out, so n3 turns healthy about 40 s after the change)
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(5));
		simulation.advanceTo(40_000_000, EventSink.NONE);
		simulation.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		simulation.advanceTo(42_000_000, EventSink.NONE);
		Map<String, NodeStatistics> justAfter = nodes(simulation.statistics());
		assertThat(justAfter.get("n3").exactLbShare()).isEqualTo(Fraction.oneOver(3));
		assertThat(justAfter.get("n3").lbShareNow()).isEqualTo(Fraction.ZERO);
		assertThat(justAfter.get("n1").lbShareNow()).isEqualTo(Fraction.oneOver(2));
		simulation.advanceTo(90_000_000, EventSink.NONE);
		assertThat(nodes(simulation.statistics()).values())
			.allSatisfy((node) -> assertThat(node.lbShareNow()).as(node.node()).isEqualTo(Fraction.oneOver(3)));
	}

	private static Map<String, NodeStatistics> nodes(SimulationStatistics statistics) {
		return statistics.nodes().stream().collect(Collectors.toMap(NodeStatistics::node, (node) -> node));
	}

	@Test
	void withCrossZoneOffUnderLocalTheSharesShouldFollowZonesNotNodes() {
		double[] shares = observedShares(Presets.settings(7), 40_000);
		int connections = 40_000;
		assertThat(shares[0]).isCloseTo(0.25, within(tolerance(0.25, connections)));
		assertThat(shares[1]).isCloseTo(0.25, within(tolerance(0.25, connections)));
		assertThat(shares[2]).isCloseTo(0.5, within(tolerance(0.5, connections)));
	}

	@Test
	void withCrossZoneOnTheSharesShouldBeEvenOverTheNodes() {
		// the attribute as the Service sets it: the live LB and the exact analysis both
		// read it from the catalogue
		int connections = 40_000;
		Simulation simulation = Simulation.start(zoneLayout(Map
			.of("service.beta.kubernetes.io/aws-load-balancer-attributes", "load_balancing.cross_zone.enabled=true")),
				Presets.settings(7).withConnectionsPerSecond(1000));
		double[] shares = observedShares(simulation, connections);
		for (double share : shares) {
			assertThat(share).isCloseTo(1.0 / 3, within(tolerance(1.0 / 3, connections)));
		}
		assertThat(simulation.statistics().nodes()).extracting(NodeStatistics::exactLbShare)
			.containsOnly(Fraction.oneOver(3));
	}

	@Test
	void theProbeShouldAskForThePathTheServicesAnnotationSets() {
		// kube-proxy's health-check server answers any path alike (R18): only the path
		// the NLB asks for changes
		Simulation simulation = Simulation.start(
				zoneLayout(Map.of("service.beta.kubernetes.io/aws-load-balancer-healthcheck-path", "/ready")),
				Presets.settings(3));
		Recorder recorder = new Recorder();
		simulation.advanceTo(30 * SECOND, recorder);
		List<ProbeAnswered> probes = recorder.all(ProbeAnswered.class, (probe) -> probe.status() == 200);
		assertThat(probes).isNotEmpty()
			.allSatisfy((probe) -> assertThat(probe.target()).matches("192\\.168\\.0\\.1[123]:\\d+/ready"));
	}

	/**
	 * Five standard deviations of a share p observed over n independent connections: a
	 * correct simulation misses it about once in 1.7 million runs.
	 */
	private static double tolerance(double p, int n) {
		return 5 * Math.sqrt(p * (1 - p) / n);
	}

	/**
	 * n1 and n2 in zone-a, n3 in zone-b, one pod each, Local: each node's observed share
	 * of about {@code connections} new connections.
	 */
	private static double[] observedShares(SimulationSettings settings, int connections) {
		return observedShares(Simulation.start(zoneLayout(), settings.withConnectionsPerSecond(1000)), connections);
	}

	private static double[] observedShares(Simulation simulation, int connections) {
		simulation.advanceTo(connections * 1000L, EventSink.NONE);
		List<NodeStatistics> nodes = simulation.statistics().nodes();
		long total = nodes.stream().mapToLong(NodeStatistics::entered).sum();
		assertThat(total).isBetween(connections * 9L / 10, connections * 11L / 10);
		return nodes.stream().mapToDouble((node) -> node.entered() / (double) total).toArray();
	}

	static ClusterDeclaration zoneLayout() {
		return zoneLayout(Map.of());
	}

	static ClusterDeclaration zoneLayout(Map<String, String> serviceAnnotations) {
		List<DeclaredNode> nodes = new ArrayList<>();
		String[] zones = { "zone-a", "zone-a", "zone-b" };
		for (int i = 1; i <= 3; i++) {
			nodes.add(new DeclaredNode("n" + i,
					Map.of(TopologySpreadConstraint.ZONE, zones[i - 1], TopologySpreadConstraint.HOSTNAME, "n" + i),
					Map.of(), "192.168.0.1" + i, "10.244." + i + ".0/24", List.of(), false, false));
		}
		return Presets.cluster(nodes, List.of(Presets.webService("Local", serviceAnnotations)),
				Presets.webPod("p1", "n1"), Presets.webPod("p2", "n2"), Presets.webPod("p3", "n3"));
	}

	@Test
	void aClusterProbeShouldBeDnatedToOneEndpointSoAboutAThirdTimeOutWhenOneOfThreeIsDead() {
		// one pod per node, Cluster: each node's probe is DNATed to one of three
		// endpoints; probed every 100 ms so the 50 s before the node controller marks
		// n3's pod NotReady hold many probes
		ClusterDeclaration declaration = Presets.cluster(Presets.threeNodes(), List.of(Presets.webService("Cluster")),
				Presets.webPod("p1", "n1"), Presets.webPod("p2", "n2"), Presets.webPod("p3", "n3"));
		LoadBalancerProbe fast = new LoadBalancerProbe(100_000, 100_000, 10, 10);
		Simulation simulation = Simulation.start(declaration,
				Presets.settings(11).withProbes(new LoadBalancerHealthChecks(fast, fast)));
		Recorder recorder = new Recorder();
		simulation.advanceTo(KILLED_AT, recorder);
		simulation.apply(new KillNode("n3"));
		long notReadyAt = KILLED_AT + NodeLifecycle.NODE_MONITOR_GRACE_MICROS;
		simulation.advanceTo(notReadyAt, recorder);
		List<ProbeAnswered> live = recorder.all(ProbeAnswered.class, (probe) -> !probe.node().equals("n3")
				&& probe.time() > KILLED_AT + 200_000 && probe.time() < notReadyAt);
		long timedOut = live.stream().filter((probe) -> probe.answer() == ProbeAnswer.TIMED_OUT).count();
		long connected = live.stream().filter((probe) -> probe.answer() == ProbeAnswer.CONNECTED).count();
		assertThat(timedOut + connected).isEqualTo(live.size()).isGreaterThan(800);
		assertThat(timedOut / (double) live.size()).isCloseTo(1.0 / 3, within(tolerance(1.0 / 3, live.size())));
		// before the kill every probe of a live node connected
		assertThat(recorder.all(ProbeAnswered.class, (probe) -> probe.time() < KILLED_AT))
			.allSatisfy((probe) -> assertThat(probe.answer()).isEqualTo(ProbeAnswer.CONNECTED));
	}

	@Test
	void aClusterProbeDnatedToADeadPodShouldSayWhyItFailed() {
		ClusterDeclaration declaration = Presets.cluster(Presets.threeNodes(), List.of(Presets.webService("Cluster")),
				Presets.webPod("p3", "n3"));
		Recorder recorder = new Recorder();
		Simulation simulation = Simulation.start(declaration, Presets.settings(2));
		simulation.advanceTo(KILLED_AT, recorder);
		simulation.apply(new KillNode("n3"));
		simulation.advanceTo(KILLED_AT + 45 * SECOND, recorder);
		// n1 keeps DNATing its probes to p3 on dead n3: a healthy node fails its check
		LoadBalancerTargetChanged n1 = recorder.turnedUnhealthy("n1");
		assertThat(n1.reason())
			.isEqualTo("3 failing probes in a row (no answer: kube-proxy on n1 DNATs the probe to p3 "
					+ "(10.244.3.10), on n3, which is dead: its endpoint is still Ready)");
	}

	@Test
	void aClusterProbeDnatedToADeletedPodByStaleRulesShouldTimeOut() {
		// the pod is deleted 0.5 s after it starts terminating, kube-proxy syncs 2 s
		// after
		// a change: between the two, rules still DNAT to the deleted pod
		ClusterDeclaration declaration = Presets.cluster(Presets.threeNodes(), List.of(Presets.webService("Cluster")),
				Presets.webPod("p1", "n1"), Presets.webPod("p2", "n2"));
		LoadBalancerProbe eager = new LoadBalancerProbe(100_000, 100_000, 1, 1);
		Simulation simulation = Simulation.start(declaration,
				Presets.settings(4)
					.withProbes(new LoadBalancerHealthChecks(eager, eager))
					.withTimings(2_000_000, 5_000_000, 500_000, 500));
		Recorder recorder = new Recorder();
		simulation.advanceTo(KILLED_AT, recorder);
		simulation.apply(new DeletePod("p2"));
		simulation.advanceTo(KILLED_AT + 5 * SECOND, recorder);
		List<LoadBalancerTargetChanged> stale = recorder.all(LoadBalancerTargetChanged.class,
				(event) -> event.to() == TargetState.UNHEALTHY && event.reason().contains("DNATs the probe to p2"));
		assertThat(stale).isNotEmpty().allSatisfy((event) -> {
			assertThat(event.reason()).contains("which is gone (stale rules)");
			assertThat(event.time()).isBetween(KILLED_AT + 500_000, KILLED_AT + 2 * SECOND + 200_000);
		});
	}

	@Test
	void theNlbShouldPublishAHostnameSoKubeProxyProgramsNoLoadBalancerIp() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(1));
		String hostname = "k8s-default-web-82b3ade9d0.elb.us-east-1.amazonaws.com";
		assertThat(simulation.snapshot().loadBalancerHostname()).isEqualTo(hostname);
		assertThat(simulation.cluster().services().get(0).loadBalancerIps()).isEmpty();
		assertThat(simulation.declaredService().loadBalancerIngress())
			.containsExactly(new LoadBalancerIngress(null, hostname, null));
		assertThat(AwsNames.hostname(LoadBalancerKind.AWS_NLB_INSTANCE,
				new ServiceRef("payments-namespace", "checkout-frontend")))
			.startsWith("k8s-payments-checkout-")
			.endsWith(".elb.us-east-1.amazonaws.com");
	}

	@Test
	void withoutClientIpPreservationTheNlbShouldRewriteTheSourceAndStayOneConnectionNotAClassicElb() {
		ClusterDeclaration declaration = Presets.uneven310("Local",
				(service) -> service
					.annotations(Map.of("service.beta.kubernetes.io/aws-load-balancer-target-group-attributes",
							"preserve_client_ip.enabled=false")));
		Recorder recorder = new Recorder();
		Simulation.start(declaration, Presets.settings(1)).advanceTo(2 * SECOND, recorder);
		ConnectionRouted routed = recorder.all(ConnectionRouted.class).get(0);
		List<Hop> hops = routed.hops();
		assertThat(hops.get(0).reason()).contains("opens a connection to the AWS NLB ");
		assertThat(hops.get(1).reason()).startsWith("the load balancer (an AWS NLB with instance targets) sends it to")
			.contains("the source becomes the NLB's private address " + routed.sourceSeen());
		assertThat(hops.get(1).srcAfter()).startsWith(routed.sourceSeen() + ":");
		assertThat(hops.get(2).reason()).contains("the pod sees the NLB's private address " + routed.sourceSeen());
		assertThat(hops.get(hops.size() - 2).reason()).startsWith("the load balancer reverses its rewrite");
		assertThat(hops).extracting(Hop::reason).noneMatch((reason) -> reason.contains("Classic ELB"));
	}

	@Test
	void theNlbsSecurityGroupShouldDropClientsOutsideTheSourceRanges() {
		ClusterDeclaration declaration = Presets.uneven310("Local",
				(service) -> service.loadBalancerSourceRanges(List.of("203.0.113.0/24")));
		Recorder recorder = new Recorder();
		Simulation simulation = Simulation.start(declaration, Presets.settings(1));
		simulation.advanceTo(5 * SECOND, recorder);
		List<ConnectionDropped> drops = recorder.all(ConnectionDropped.class);
		assertThat(drops).isNotEmpty().allSatisfy((drop) -> {
			assertThat(drop.clientIp()).isEqualTo("192.0.2.33");
			assertThat(drop.node()).isEqualTo("lb");
			assertThat(drop.reason()).contains("which the AWS Load Balancer Controller makes the NLB's security-group");
		});
		assertThat(recorder.all(ConnectionRouted.class)).isNotEmpty()
			.allSatisfy((routed) -> assertThat(routed.clientIp()).startsWith("203.0.113."));
		assertThat(simulation.statistics().dropReasons())
			.containsOnlyKeys("client outside loadBalancerSourceRanges: the NLB's security group drops it");
	}

}
