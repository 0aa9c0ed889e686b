package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerKind;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionReset;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import io.trafficlab.engine.simulation.SimulationEvent.ServiceUpdated;
import io.trafficlab.engine.simulation.SimulationStatistics.LbProbe;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * MetalLB in layer-2 mode in the simulation: the Service gets the LB IP 198.51.100.10,
 * the {@code L2Election} winner takes every new connection (exact and observed), the
 * announcement follows the endpoints after the sync delay and a killed node after
 * memberlist's ≈ 5 s, and connections through the old node are reset when it moves.
 */
class MetalLbL2SimulationTests {

	private static final String MOVED = "the announcement moved (gratuitous ARP): the new node has no conntrack entry "
			+ "for this connection";

	@Test
	void underLocalN1ShouldAnnounceAndTheLonePodGetNothing() {
		Simulation simulation = start("Local");
		Recorder recorder = Recorder.until(simulation, 20_000_000);
		SimulationStatistics statistics = simulation.statistics();
		assertThat(statistics.announcingNode()).isEqualTo("n1");
		assertThat(simulation.snapshot().announcingNode()).isEqualTo("n1");
		assertThat(simulation.snapshot().service().loadBalancerIps()).containsExactly("198.51.100.10");
		assertThat(simulation.snapshot().loadBalancerHostname()).isNull();
		Map<String, PodStatistics> pods = Convergence.pods(statistics);
		assertThat(pods.get("web-4").exactShare()).isEqualTo(Fraction.ZERO);
		assertThat(pods.get("web-4").connections()).isZero();
		for (String pod : List.of("web-1", "web-2", "web-3")) {
			assertThat(pods.get(pod).exactShare()).as(pod).isEqualTo(Fraction.oneOver(3));
			assertThat(pods.get(pod).observedShare()).as(pod).isCloseTo(1.0 / 3, within(0.03));
		}
		assertThat(statistics.nodes()).filteredOn((node) -> node.node().equals("n1"))
			.singleElement()
			.satisfies((node) -> assertThat(node.observedLbShare()).isEqualTo(1.0));
		assertThat(recorder.all(ProbeAnswered.class)).isEmpty();
		assertThat(statistics.dropped()).isZero();
	}

	@Test
	void underClusterN3ShouldAnnounce() {
		Simulation simulation = start("Cluster");
		simulation.advanceTo(10_000_000, EventSink.NONE);
		SimulationStatistics statistics = simulation.statistics();
		assertThat(statistics.announcingNode()).isEqualTo("n3");
		assertThat(statistics.nodes()).filteredOn((node) -> node.node().equals("n3"))
			.singleElement()
			.satisfies((node) -> assertThat(node.entered()).isEqualTo(statistics.connections()));
	}

	@Test
	void movingN1sPodsToN2ShouldMoveTheAnnouncementOnceN1HasNoServingEndpoint() {
		Simulation simulation = start("Local");
		Recorder recorder = new Recorder();
		simulation.advanceTo(5_000_000, EventSink.NONE);
		for (String pod : List.of("web-1", "web-2", "web-3")) {
			simulation.apply(new MovePod(pod, "n2"));
		}
		simulation.advanceTo(60_000_000, recorder);
		assertThat(simulation.statistics().announcingNode()).isEqualTo("n2");
		long lastIntoN1 = recorder.all(ConnectionRouted.class, (routed) -> routed.entryNode().equals("n1"))
			.stream()
			.mapToLong(ConnectionRouted::time)
			.max()
			.orElseThrow();
		long firstIntoN2 = recorder.all(ConnectionRouted.class, (routed) -> routed.entryNode().equals("n2"))
			.stream()
			.mapToLong(ConnectionRouted::time)
			.min()
			.orElseThrow();
		// n1's terminating pods serve until they are gone; the speakers re-elect one sync
		// delay after the EndpointSlice changes
		assertThat(firstIntoN2 - lastIntoN1).isGreaterThanOrEqualTo(simulation.settings().proxySyncDelayMicros());
		simulation.resetStatistics();
		simulation.advanceTo(80_000_000, EventSink.NONE);
		Map<String, PodStatistics> pods = Convergence.pods(simulation.statistics());
		assertThat(pods.values()).filteredOn((pod) -> "n2".equals(pod.node()))
			.hasSize(4)
			.allSatisfy((pod) -> assertThat(pod.exactShare()).isEqualTo(Fraction.oneOver(4)));
	}

	@Test
	void aBetterCandidateShouldTakeTheAnnouncementAndTheOldNodesConnectionsBeReset() {
		Simulation simulation = start("Local", 1_000);
		Recorder recorder = Recorder.after(simulation, 5_000_000, new MovePod("web-4", "n3"), 60_000_000);
		assertThat(simulation.statistics().announcingNode()).isEqualTo("n3");
		List<ConnectionReset> resets = recorder.all(ConnectionReset.class, (reset) -> reset.reason().equals(MOVED));
		assertThat(resets).isNotEmpty().allSatisfy((reset) -> assertThat(reset.node()).isEqualTo("n1"));
		long movedAt = resets.get(0).time();
		assertThat(resets).allSatisfy((reset) -> assertThat(reset.time()).isEqualTo(movedAt));
		assertThat(movedAt).isGreaterThan(5_000_000 + simulation.settings().proxySyncDelayMicros());
	}

	@Test
	void killingTheAnnouncingNodeShouldElectANewOneAfterMemberlistDeclaresItDead() {
		Simulation simulation = start("Local");
		Recorder recorder = new Recorder();
		simulation.advanceTo(10_000_000, EventSink.NONE);
		simulation.apply(new KillNode("n1"));
		simulation.advanceTo(14_999_999, recorder);
		assertThat(simulation.statistics().announcingNode()).isEqualTo("n1");
		assertThat(recorder.all(ConnectionDropped.class)).isNotEmpty()
			.allSatisfy((drop) -> assertThat(drop.node()).isEqualTo("n1"));
		simulation.advanceTo(15_000_000, recorder);
		assertThat(simulation.statistics().announcingNode()).isEqualTo("n2");
		Recorder after = Recorder.until(simulation, 20_000_000);
		assertThat(after.all(ConnectionDropped.class)).isEmpty();
	}

	@Test
	void withNoCandidateNewConnectionsShouldBeDroppedBecauseNothingAnswersArp() {
		Simulation simulation = start("Local");
		simulation.advanceTo(1_000_000, EventSink.NONE);
		for (String pod : List.of("web-1", "web-2", "web-3", "web-4")) {
			simulation.apply(new SimulationCommand.DeletePod(pod));
		}
		Recorder recorder = Recorder.until(simulation, 60_000_000);
		assertThat(simulation.statistics().announcingNode()).isNull();
		assertThat(recorder.all(ConnectionDropped.class,
				(drop) -> drop.reason().startsWith("nothing answers ARP for 198.51.100.10")))
			.isNotEmpty();
		assertThat(simulation.statistics().dropReasons()).containsKey("nothing answers ARP for 198.51.100.10");
	}

	@Test
	void switchingToMetalLbWhileRunningShouldPublishTheIpAndStopProbing() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		simulation.advanceTo(5_000_000, EventSink.NONE);
		assertThat(simulation.snapshot().loadBalancerHostname()).isNotNull();
		String hostname = simulation.snapshot().loadBalancerHostname();
		assertThat(simulation.statistics().healthChecks()).allSatisfy((row) -> assertThat(row.lbProbe()).isEqualTo(
				new LbProbe(ip(row.node()) + ":" + simulation.snapshot().service().healthCheckNodePort() + "/healthz",
						row.healthCheck().status())));
		assertThat(simulation.snapshot().spreadKnob()).isTrue();
		simulation.apply(new SetLoadBalancerKind(LoadBalancerKind.METALLB_L2));
		// MetalLB spreads as it does: the even/weighted knob tunes nothing
		assertThat(simulation.snapshot().spreadKnob()).isFalse();
		// kube-proxy still answers the health check, but nothing probes it
		assertThat(simulation.statistics().healthChecks()).allSatisfy((row) -> {
			assertThat(row.lbProbe()).isNull();
			assertThat(row.healthCheck()).isNotNull();
		});
		assertThat(simulation.snapshot().service().loadBalancerIps()).containsExactly("198.51.100.10");
		Recorder published = Recorder.until(simulation, 5_000_001);
		assertThat(published.all(ServiceUpdated.class)).singleElement().satisfies((updated) -> {
			assertThat(updated.field()).isEqualTo("status.loadBalancer.ingress");
			assertThat(updated.from()).isEqualTo(hostname);
			assertThat(updated.to()).isEqualTo("198.51.100.10");
		});
		assertThat(simulation.statistics().announcingNode()).isEqualTo("n1");
		Recorder recorder = new Recorder();
		simulation.advanceTo(15_000_000, recorder);
		assertThat(recorder.all(ProbeAnswered.class)).isEmpty();
		simulation.apply(new SetLoadBalancerKind(LoadBalancerKind.AWS_NLB_INSTANCE));
		assertThat(simulation.snapshot().service().loadBalancerIps()).isEmpty();
		assertThat(simulation.statistics().announcingNode()).isNull();
		simulation.advanceTo(30_000_000, recorder);
		assertThat(recorder.all(ProbeAnswered.class)).isNotEmpty();
	}

	private static String ip(String node) {
		return "192.168.0.1" + node.substring(1);
	}

	private static Simulation start(String policy) {
		return start(policy, 500);
	}

	private static Simulation start(String policy, double connectionsPerSecond) {
		return Simulation.start(Presets.uneven310(policy),
				Presets.settings(7)
					.withConnectionsPerSecond(connectionsPerSecond)
					.withKind(LoadBalancerKind.METALLB_L2));
	}

}
