package io.trafficlab.engine.balancer;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Node;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link LoadBalancerAddresses}: the k-th zone in sorted order gets
 * {@code 172.16.0.(10 + k)}, skipping every address a client, a node, a bridge or a pod
 * CIDR already uses.
 */
class LoadBalancerAddressesTests {

	@Test
	void eachZoneInSortedOrderShouldGetTheNextAddressAndTargetsWithoutAZoneTheLast() {
		List<Node> nodes = List.of(node("n1", "zone-b", "192.168.0.11", "10.244.1.0/24"),
				node("n2", "zone-a", "192.168.0.12", "10.244.2.0/24"),
				node("n3", "zone-b", "192.168.0.13", "10.244.3.0/24"));
		assertThat(LoadBalancerAddresses.of(nodes, "203.0.113.7").byZone()).containsOnly(entry("zone-a", "172.16.0.10"),
				entry("zone-b", "172.16.0.11"), entry("", "172.16.0.12"));
	}

	@Test
	void addressesTakenByTheClientANodeOrABridgeShouldBeSkipped() {
		List<Node> nodes = List.of(node("n1", "zone-a", "172.16.0.10", "10.244.1.0/24"), new Node("n2", Map.of(),
				"zone-b", "192.168.0.12", "10.244.2.0/24", "172.16.0.12", List.of(), false, true, false));
		assertThat(LoadBalancerAddresses.of(nodes, List.of("172.16.0.11")).byZone())
			.containsOnly(entry("zone-a", "172.16.0.13"), entry("zone-b", "172.16.0.14"), entry("", "172.16.0.15"));
	}

	@Test
	void addressesInsideAPodCidrShouldBeSkippedWhateverItsTextLooksLike() {
		// a /16 holds every address up to 172.16.255.255
		List<Node> sixteen = List.of(node("n1", "zone-a", "192.168.0.11", "172.16.0.0/16"));
		assertThat(LoadBalancerAddresses.of(sixteen, "203.0.113.7").byZone())
			.containsOnly(entry("zone-a", "172.17.0.0"), entry("", "172.17.0.1"));
	}

	@Test
	void aCandidateOutsideTheFirstByteShouldStillAvoidEveryPodCidr() {
		// 172.0.0.0/8 holds every candidate up to 172.255.255.255, so the next is
		// 173.0.0.0, which the second node's pod CIDR holds
		List<Node> nodes = List.of(node("n1", "zone-a", "192.168.0.11", "172.0.0.0/8"),
				node("n2", "zone-a", "192.168.0.12", "173.0.0.0/30"));
		assertThat(LoadBalancerAddresses.of(nodes, "203.0.113.7").byZone()).containsOnly(entry("zone-a", "173.0.0.4"),
				entry("", "173.0.0.5"));
	}

	private static Node node(String name, String zone, String internalIp, String podCidr) {
		return new Node(name, Map.of(), zone, internalIp, podCidr, "169.254.0.1", List.of(), false, true, false);
	}

}
