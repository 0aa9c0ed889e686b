package io.trafficlab.api;

import java.nio.charset.StandardCharsets;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.json.AbstractJsonContentAssert;
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

	/**
	 * What n1's first pod and n2's pod see as sources: on a bridge (the default) the pod
	 * gateway from their own node and the entry node's InternalIP from the others, on an
	 * overlay the entry node's flannel address across nodes, on a VPC the entry node's
	 * InternalIP from their own node too.
	 */
	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', textBlock = """
			''               | bridge  | 10.244.1.1 192.168.0.12 192.168.0.13   | 192.168.0.11 10.244.2.1 192.168.0.13
			?network=overlay | overlay | 10.244.1.1 10.244.2.0 10.244.3.0       | 10.244.1.0 10.244.2.1 10.244.3.0
			?network=vpc     | vpc     | 192.168.0.11 192.168.0.12 192.168.0.13 | 192.168.0.11 192.168.0.12 192.168.0.13
			""")
	void analyzeShouldGiveTheSourcesItsNetworkShows(String query, String network, String seenByN1Pod,
			String seenByN2Pod) {
		var json = assertOk("/api/v1/analyze" + query, TestManifests.uneven310Cluster());
		json.extractingPath("$.network").asString().isEqualTo(network);
		json.extractingPath(N1_POD + ".node").asString().isEqualTo("n1");
		json.extractingPath(N2_POD + ".node").asString().isEqualTo("n2");
		json.extractingPath(N1_POD + ".sourcesSeen").asMap().containsOnlyKeys(seenByN1Pod.split(" "));
		json.extractingPath(N2_POD + ".sourcesSeen").asMap().containsOnlyKeys(seenByN2Pod.split(" "));
	}

	@Test
	void analyzeWithUnknownNetworkShouldListTheThree() {
		assertRefused(post("/api/v1/analyze?network=calico", TestManifests.uneven310Cluster()), HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'network' must be one of: bridge, overlay, vpc (got \"calico\").");
	}

	@Test
	void traceOnAnOverlayShouldSnatToN3sFlannelAddress() {
		var json = assertOk("/api/v1/trace?node=n3&from=external&to=nodePort&network=overlay",
				TestManifests.uneven310Cluster());
		json.extractingPath("$.network").asString().isEqualTo("overlay");
		json.extractingPath("$.masquerade").isEqualTo(true);
		json.extractingPath("$.sourceSeenByEndpoint.*").asArray().containsOnly("10.244.3.0");
		json.extractingPath("$.why")
			.asArray()
			.anySatisfy((line) -> assertThat(line.toString()).contains("flannel.1 address 10.244.3.0"));
	}

	@Test
	void traceOnAVpcNetworkShouldSnatToTheEntryNodesInternalIpForItsOwnPods() {
		var json = assertOk("/api/v1/trace?node=n1&from=external&to=nodePort&network=vpc",
				TestManifests.uneven310Cluster());
		json.extractingPath("$.sourceSeenByEndpoint.*").asArray().containsOnly("192.168.0.11");
	}

	@Test
	void traceWithUnknownNetworkShouldListTheThree() {
		assertRefused(post("/api/v1/trace?node=n1&from=external&to=nodePort&network=flannel",
				TestManifests.uneven310Cluster()), HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'network' must be one of: bridge, overlay, vpc (got \"flannel\").");
	}

	/**
	 * Posts the manifests to {@code uri}: the answer is 200, and this asserts on its
	 * JSON.
	 */
	private AbstractJsonContentAssert<?> assertOk(String uri, String manifests) {
		return assertThat(post(uri, manifests)).hasStatusOk().bodyJson();
	}

	private MockMvcRequestBuilder post(String uri, String manifests) {
		return this.mvc.post().uri(uri).contentType(YAML).content(manifests.getBytes(StandardCharsets.UTF_8));
	}

}
