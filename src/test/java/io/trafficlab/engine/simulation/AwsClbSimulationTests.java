package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Classic ELB in the simulation: a proxy (two connections, the pod never sees the
 * client), probing as the in-tree AWS provider configures it (Local: HTTP /healthz on the
 * healthCheckNodePort; Cluster: TCP to the NodePort; 10 s, 5 s timeout, 2 to turn
 * healthy, 6 to turn unhealthy), cross-zone off, its instances the service controller's
 * stable node set (a dead node stays registered), and no fail-open.
 */
class AwsClbSimulationTests {

	@ParameterizedTest
	@ValueSource(strings = { "Local", "Cluster" })
	void on310ObservedSharesAndSourcesShouldConvergeToTheAnalyzersExact(String policy) {
		Simulation simulation = start(policy, 1_000);
		SimulationStatistics statistics = Convergence.converged(simulation, 30_000_000);
		assertThat(statistics.pods()).allSatisfy((pod) -> assertThat(pod.sourcesSeen().keySet()).as(pod.pod())
			.doesNotContainAnyElementsOf(SimulationSettings.DEFAULT_CLIENT_IPS));
		Map<String, PodStatistics> pods = Convergence.pods(statistics);
		if (policy.equals("Local")) {
			// per zone: zone-a's n1 and zone-b's n2 take 1/2 each; no SNAT, so each pod
			// sees the CLB's address in its node's zone
			assertThat(pods.get("web-4").exactShare()).isEqualTo(Fraction.oneOver(2));
			assertThat(pods.get("web-1").sourcesSeen()).containsOnlyKeys("172.16.0.10");
			assertThat(pods.get("web-4").sourcesSeen()).containsOnlyKeys("172.16.0.11");
		}
		else {
			// kube-proxy's SNAT replaces the CLB's address with a node's
			assertThat(pods.get("web-4").exactShare()).isEqualTo(Fraction.oneOver(4));
			assertThat(pods.get("web-4").sourcesSeen()).containsOnlyKeys("192.168.0.11", "10.244.2.1", "192.168.0.13");
		}
		assertThat(simulation.snapshot().loadBalancerName()).isEqualTo("AWS Classic ELB");
	}

	@Test
	void theProbesShouldFollowTheInTreeProvidersDefaults() {
		Simulation local = start("Local", 50);
		Recorder recorder = Recorder.until(local, 30_000_000);
		assertThat(recorder.probesOf("n3")).hasSize(3).allSatisfy((probe) -> {
			assertThat(probe.target()).isEqualTo("192.168.0.13:32000/healthz");
			assertThat(probe.status()).isEqualTo(503);
		});
		Simulation cluster = start("Cluster", 50);
		Recorder tcp = Recorder.until(cluster, 30_000_000);
		assertThat(tcp.probesOf("n3"))
			.allSatisfy((probe) -> assertThat(probe.answer()).isEqualTo(ProbeAnswer.CONNECTED));
		assertThat(cluster.statistics().nodes())
			.allSatisfy((node) -> assertThat(node.exactLbShare()).as(node.node()).isEqualTo(Fraction.oneOver(3)));
	}

	@Test
	void theLonePodLeavingShouldMarkN2UnhealthyAfterSixFailedChecks() {
		Recorder recorder = Recorder.after(start("Local", 200), 10_000_000, new DeletePod("web-4"), 120_000_000);
		assertThat(recorder.unhealthyAfterFirstProbeAnswering("n2", 503)).isEqualTo(50_000_000);
		assertThat(recorder.targetChanges("n2").get(0).reason()).startsWith("6 failing probes in a row");
	}

	@Test
	void aKilledNodeShouldTurnUnhealthyAfterSixTimeoutsAndStayRegisteredPastNotReady() {
		Recorder recorder = Recorder.after(start("Cluster", 200), 10_000_000, new KillNode("n3"), 200_000_000);
		List<LoadBalancerTargetChanged> n3 = recorder.targetChanges("n3");
		// unlike the NLB, the service controller's stable node set reads no Ready
		// condition: no deregistration at NotReady (50 s)
		assertThat(n3).singleElement().satisfies((change) -> {
			assertThat(change.to()).isEqualTo(TargetState.UNHEALTHY);
			assertThat(change.time() - 10_000_000).isGreaterThan(55_000_000).isLessThanOrEqualTo(65_000_000);
		});
		assertThat(recorder.all(ConnectionRouted.class, (routed) -> routed.time() > n3.get(0).time())).isNotEmpty()
			.allSatisfy((routed) -> assertThat(routed.entryNode()).isIn("n1", "n2"));
	}

	@Test
	void withNoInstanceInServiceTheClbShouldCloseNewConnectionsRatherThanFailOpen() {
		Simulation simulation = start("Local", 200);
		Recorder recorder = EmptiedService.assertEveryConnectionDropped(simulation, 120_000_000, 130_000_000,
				"no instance is InService",
				"no instance passes the Classic ELB's health check: it closes the client's connection");
		// the client's hop names the load balancer it resolved: the Classic ELB, not an
		// NLB
		ConnectionDropped drop = recorder.all(ConnectionDropped.class).get(0);
		assertThat(drop.hops().get(0).reason()).isEqualTo("client " + drop.clientIp()
				+ " opens a connection to the AWS Classic ELB " + simulation.snapshot().loadBalancerHostname() + ":80");
	}

	@Test
	void aConnectionShouldBeTwoConnectionsThroughTheProxy() {
		Simulation simulation = start("Local", 50);
		Recorder recorder = Recorder.until(simulation, 2_000_000);
		ConnectionRouted routed = recorder.all(ConnectionRouted.class).get(0);
		Hop lb = routed.hops().get(1);
		assertThat(lb.at()).isEqualTo("lb");
		assertThat(lb.reason()).startsWith("the Classic ELB is a proxy").contains("two connections");
		assertThat(lb.srcBefore()).startsWith(routed.clientIp() + ":");
		assertThat(lb.srcAfter()).startsWith(routed.sourceSeen() + ":");
		assertThat(routed.hops().get(routed.hops().size() - 2).reason())
			.startsWith("the Classic ELB writes the answer");
	}

	@Test
	void theClassicElbsSecurityGroupFromTheInTreeProviderShouldDropClientsOutsideTheSourceRanges() {
		Simulation simulation = Simulation.start(
				Presets.uneven310("Local", (service) -> service.loadBalancerSourceRanges(List.of("203.0.113.0/24"))),
				Presets.settings(1).withKind(LoadBalancerKind.AWS_CLB));
		Recorder recorder = Recorder.until(simulation, 5_000_000);
		assertThat(recorder.all(ConnectionDropped.class)).isNotEmpty()
			.allSatisfy((drop) -> assertThat(drop.reason()).contains("which the in-tree AWS cloud provider "
					+ "(cloud-provider-aws, through the service controller) makes the Classic ELB's security-group rules, "
					+ "so the Classic ELB drops it")
				.doesNotContain("AWS Load Balancer Controller")
				.doesNotContain("NLB"));
		assertThat(simulation.statistics().dropReasons())
			.containsOnlyKeys("client outside loadBalancerSourceRanges: the Classic ELB's security group drops it");
	}

	private static Simulation start(String policy, double connectionsPerSecond) {
		return Simulation.start(Presets.uneven310(policy),
				Presets.settings(9).withConnectionsPerSecond(connectionsPerSecond).withKind(LoadBalancerKind.AWS_CLB));
	}

	/**
	 * cloud-provider-aws names a Classic ELB as k8s.io/cloud-provider's
	 * DefaultLoadBalancerName does ("a" and the UID without dashes, at most 32
	 * characters), not as the AWS Load Balancer Controller names an NLB.
	 */
	@Test
	void theClassicElbShouldPublishAHostnameShapedLikeTheInTreeProvidersNames() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"),
				Presets.settings(1).withKind(LoadBalancerKind.AWS_CLB));
		String hostname = simulation.snapshot().loadBalancerHostname();
		assertThat(hostname).matches("a[0-9a-f]{31}-\\d{10}\\.us-east-1\\.elb\\.amazonaws\\.com");
		assertThat(simulation.declaredService().loadBalancerIngress())
			.containsExactly(new LoadBalancerIngress(null, hostname, null));
	}

}
