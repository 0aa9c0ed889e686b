package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.function.Predicate;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.simulation.Hop.Direction;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.model.ServiceRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each routed connection carries its whole trip: client, LB (an AWS NLB with instance
 * targets: destination rewritten to the node's NodePort, client source kept), entry node
 * (DNAT, and SNAT under Cluster: R8, R15), the pod's node when it is another one, the
 * pod, and the reply back the same way, reverse-NATed by the node and then by the NLB.
 */
class HopTests {

	private static List<ConnectionRouted> routed(String policy) {
		Simulation simulation = Simulation.start(Presets.uneven310(policy), Presets.settings(6));
		Recorder recorder = Recorder.until(simulation, 20_000_000);
		return recorder.all(ConnectionRouted.class);
	}

	private static ConnectionRouted firstRouted(String policy, Predicate<ConnectionRouted> which) {
		return routed(policy).stream().filter(which).findFirst().orElseThrow();
	}

	@Test
	void clusterPolicyToAPodOnAnotherNodeShouldBeSnatedToTheEntryNodesAddress() {
		ConnectionRouted connection = firstRouted("Cluster",
				(event) -> event.entryNode().equals("n3") && event.pod().equals("web-4"));
		List<Hop> hops = connection.hops();
		assertThat(hops).extracting(Hop::at)
			.containsExactly(connection.clientIp(), "lb", "n3", "n2", "web-4", "web-4", "n2", "n3", "lb",
					connection.clientIp());
		assertThat(hops).extracting(Hop::direction)
			.containsExactly(Direction.REQUEST, Direction.REQUEST, Direction.REQUEST, Direction.REQUEST,
					Direction.REQUEST, Direction.REPLY, Direction.REPLY, Direction.REPLY, Direction.REPLY,
					Direction.REPLY);
		for (int i = 0; i < hops.size(); i++) {
			assertThat(hops.get(i).time()).isEqualTo(connection.time() + i * 500L);
		}
		assertThat(connection.completesAt()).isEqualTo(hops.get(hops.size() - 1).time());
		assertThat(connection.sourceSeen()).isEqualTo("192.168.0.13");
		Hop lb = hops.get(1);
		String client = lb.srcBefore();
		String port = client.substring(client.indexOf(':'));
		// issue 11: the AWS NLB publishes a hostname, not 198.51.100.10; the client
		// resolves it to the NLB's address in n3's zone (zone-c, the third: 172.16.0.12)
		assertThat(hops.get(0).reason()).isEqualTo("client " + hops.get(0).at() + " opens a connection to the AWS NLB "
				+ AwsNames.hostname(LoadBalancerKind.AWS_NLB_INSTANCE, new ServiceRef("default", "web"))
				+ ":80 (its DNS name resolves to 172.16.0.12:80 in n3's zone zone-c)");
		assertThat(lb.dstBefore()).isEqualTo("172.16.0.12:80");
		assertThat(lb.srcAfter()).isEqualTo(client);
		assertThat(lb.dstAfter()).isEqualTo("192.168.0.13:30080");
		Hop dnat = hops.get(2);
		assertThat(dnat.srcBefore()).isEqualTo(client);
		assertThat(dnat.dstBefore()).isEqualTo("192.168.0.13:30080");
		assertThat(dnat.srcAfter()).isEqualTo("192.168.0.13" + port);
		assertThat(dnat.dstAfter()).isEqualTo("10.244.2.10:8080");
		assertThat(dnat.reason()).contains("NodePort rule", "Cluster set (4 endpoints)", "MASQUERADE to 192.168.0.13",
				"R8", "R15");
		Hop reverse = hops.get(7);
		assertThat(reverse.srcBefore()).isEqualTo("10.244.2.10:8080");
		assertThat(reverse.dstBefore()).isEqualTo("192.168.0.13" + port);
		assertThat(reverse.srcAfter()).isEqualTo("192.168.0.13:30080");
		assertThat(reverse.dstAfter()).isEqualTo(client);
		Hop unrewrite = hops.get(8);
		assertThat(unrewrite.srcBefore()).isEqualTo("192.168.0.13:30080");
		assertThat(unrewrite.srcAfter()).isEqualTo("172.16.0.12:80");
		assertThat(unrewrite.dstAfter()).isEqualTo(client);
		assertThat(hops.get(9).srcBefore()).isEqualTo("172.16.0.12:80");
	}

	@Test
	void clusterPolicyToAPodOnTheEntryNodeShouldBeSnatedToThePodBridge() {
		ConnectionRouted connection = firstRouted("Cluster",
				(event) -> event.entryNode().equals("n1") && event.node().equals("n1"));
		assertThat(connection.sourceSeen()).isEqualTo("10.244.1.1");
		assertThat(connection.hops()).hasSize(8);
		assertThat(connection.completesAt()).isEqualTo(connection.time() + 7 * 500L);
	}

	@Test
	void localPolicyShouldKeepTheClientsAddress() {
		assertThat(routed("Local")).isNotEmpty().allSatisfy((connection) -> {
			assertThat(connection.sourceSeen()).isEqualTo(connection.clientIp());
			assertThat(connection.node()).isEqualTo(connection.entryNode());
			assertThat(connection.hops().get(2).reason()).contains("Local set", "no SNAT");
			assertThat(connection.hops().get(3).srcBefore()).startsWith(connection.clientIp() + ":");
		});
	}

}
