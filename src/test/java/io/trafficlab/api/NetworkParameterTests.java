package io.trafficlab.api;

import java.nio.charset.StandardCharsets;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code network} parameter on analyze and trace ({@code bridge} by default,
 * {@code overlay}, {@code vpc}): the 3/1/0 cluster (n1/n2/n3 at 192.168.0.11/12/13, pod
 * CIDRs 10.244.N.0/24) under {@code Cluster}, the addresses its SNAT gives, and the 400
 * for an unknown value.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NetworkParameterTests {

	private static final String YAML = "application/yaml";

	/** The first of n1's three pods. */
	private static final String N1_POD = "$.services[0].endpoints[0]";

	/** n2's pod. */
	private static final String N2_POD = "$.services[0].endpoints[3]";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void analyzeByDefaultShouldAssumeABridgeNetwork() {
		var json = assertThat(post("/api/v1/analyze", TestManifests.uneven310Cluster())).hasStatusOk().bodyJson();
		json.extractingPath("$.network").asString().isEqualTo("bridge");
		json.extractingPath(N1_POD + ".node").asString().isEqualTo("n1");
		json.extractingPath(N2_POD + ".node").asString().isEqualTo("n2");
		json.extractingPath(N1_POD + ".sourcesSeen")
			.asMap()
			.containsOnlyKeys("10.244.1.1", "192.168.0.12", "192.168.0.13");
		json.extractingPath(N2_POD + ".sourcesSeen")
			.asMap()
			.containsOnlyKeys("192.168.0.11", "10.244.2.1", "192.168.0.13");
	}

	@Test
	void analyzeOnAnOverlayShouldGiveTheEntryNodesFlannelAddressAcrossNodes() {
		var json = assertThat(post("/api/v1/analyze?network=overlay", TestManifests.uneven310Cluster())).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.network").asString().isEqualTo("overlay");
		json.extractingPath(N1_POD + ".sourcesSeen").asMap().containsOnlyKeys("10.244.1.1", "10.244.2.0", "10.244.3.0");
		json.extractingPath(N2_POD + ".sourcesSeen").asMap().containsOnlyKeys("10.244.1.0", "10.244.2.1", "10.244.3.0");
	}

	@Test
	void analyzeOnAVpcNetworkShouldGiveTheInternalIpOnTheSameNodeToo() {
		var json = assertThat(post("/api/v1/analyze?network=vpc", TestManifests.uneven310Cluster())).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.network").asString().isEqualTo("vpc");
		json.extractingPath(N1_POD + ".sourcesSeen")
			.asMap()
			.containsOnlyKeys("192.168.0.11", "192.168.0.12", "192.168.0.13");
		json.extractingPath(N2_POD + ".sourcesSeen")
			.asMap()
			.containsOnlyKeys("192.168.0.11", "192.168.0.12", "192.168.0.13");
	}

	@Test
	void analyzeWithUnknownNetworkShouldListTheThree() {
		assertRefused(post("/api/v1/analyze?network=calico", TestManifests.uneven310Cluster()), HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'network' must be one of: bridge, overlay, vpc (got \"calico\").");
	}

	@Test
	void traceOnAnOverlayShouldSnatToN3sFlannelAddress() {
		var json = assertThat(post("/api/v1/trace?node=n3&from=external&to=nodePort&network=overlay",
				TestManifests.uneven310Cluster()))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.network").asString().isEqualTo("overlay");
		json.extractingPath("$.masquerade").isEqualTo(true);
		json.extractingPath("$.sourceSeenByEndpoint.*").asArray().containsOnly("10.244.3.0");
		json.extractingPath("$.why")
			.asArray()
			.anySatisfy((line) -> assertThat(line.toString()).contains("flannel.1 address 10.244.3.0"));
	}

	@Test
	void traceOnAVpcNetworkShouldSnatToTheEntryNodesInternalIpForItsOwnPods() {
		var json = assertThat(
				post("/api/v1/trace?node=n1&from=external&to=nodePort&network=vpc", TestManifests.uneven310Cluster()))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.sourceSeenByEndpoint.*").asArray().containsOnly("192.168.0.11");
	}

	@Test
	void traceWithUnknownNetworkShouldListTheThree() {
		assertRefused(post("/api/v1/trace?node=n1&from=external&to=nodePort&network=flannel",
				TestManifests.uneven310Cluster()), HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'network' must be one of: bridge, overlay, vpc (got \"flannel\").");
	}

	private MockMvcRequestBuilder post(String uri, String manifests) {
		return this.mvc.post().uri(uri).contentType(YAML).content(manifests.getBytes(StandardCharsets.UTF_8));
	}

}
