package io.trafficlab.engine.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.trafficlab.engine.model.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DistinctIps}: an endpoint listed twice (two EndpointSlices) counts
 * once, and two IPs whose hashes collide still count twice.
 */
class DistinctIpsTests {

	@Test
	void theSameIpTwiceShouldCountOnceAndTheSecondShouldNotBeFirst() {
		List<Endpoint> endpoints = endpoints("10.244.1.10", "10.244.1.11", "10.244.1.10", "10.244.2.10");
		DistinctIps ips = new DistinctIps(endpoints, endpoints.size());
		assertThat(List.of(ips.add(0), ips.add(1), ips.add(2), ips.add(3))).containsExactly(true, true, false, true);
		assertThat(ips.count()).isEqualTo(3);
	}

	@Test
	void ipsWhoseHashesCollideShouldStillBeDistinct() {
		// "Aa" and "BB" have the same String hash; the table must compare the text
		assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
		List<Endpoint> endpoints = endpoints("Aa", "BB", "Aa");
		DistinctIps ips = new DistinctIps(endpoints, endpoints.size());
		assertThat(List.of(ips.add(0), ips.add(1), ips.add(2))).containsExactly(true, true, false);
	}

	@Test
	void aLargeListShouldCountEveryIpOnce() {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			addresses.add("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
		}
		addresses.addAll(addresses.subList(0, 1_000));
		List<Endpoint> endpoints = endpoints(addresses.toArray(String[]::new));
		DistinctIps ips = new DistinctIps(endpoints, endpoints.size());
		for (int i = 0; i < endpoints.size(); i++) {
			ips.add(i);
		}
		assertThat(ips.count()).isEqualTo(50_000);
	}

	private static List<Endpoint> endpoints(String... ips) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (String ip : ips) {
			endpoints.add(new Endpoint(ip, "n1", null, true, true, false, Set.of(), Set.of(), null));
		}
		return endpoints;
	}

}
