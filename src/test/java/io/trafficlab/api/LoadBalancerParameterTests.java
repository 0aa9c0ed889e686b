package io.trafficlab.api;

import java.nio.charset.StandardCharsets;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;

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
 * The contract's additions: {@code loadBalancer} and {@code dataplane} on analyze and
 * trace, {@code services[].loadBalancer} and {@code nodes[].lbHealthy}, and the 400s.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoadBalancerParameterTests {

	private static final String YAML = "application/yaml";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void analyzeWithMetallbL2ShouldAnnounceN1AndStarveTheLonePod() {
		var json = assertOk("/api/v1/analyze?loadBalancer=metallb-l2", TestManifests.uneven310());
		json.extractingPath("$.services[0].loadBalancer.id").asString().isEqualTo("metallb-l2");
		json.extractingPath("$.services[0].loadBalancer.probe").isNull();
		json.extractingPath("$.services[0].loadBalancer.clientAddressKeptToNode").isEqualTo(true);
		json.extractingPath("$.services[0].loadBalancer.announcingNodes").asArray().containsExactly("n1");
		json.extractingPath("$.services[0].nodes[*].lbHealthy").asArray().containsExactly(null, null, null);
		json.extractingPath("$.services[0].nodes[*].lbShare").asArray().containsExactly("1", "0", "0");
		json.extractingPath("$.services[0].endpoints[?(@.node == 'n2')].externalShare").asArray().containsExactly("0");
	}

	@Test
	void analyzeWithAwsNlbInstanceShouldDescribeItsProbeAndPublishNoIp() {
		var json = assertOk("/api/v1/analyze?loadBalancer=aws-nlb-instance", TestManifests.uneven310());
		json.extractingPath("$.services[0].loadBalancer.probe.protocol").asString().isEqualTo("HTTP");
		json.extractingPath("$.services[0].loadBalancer.probe.port").isEqualTo(32000);
		json.extractingPath("$.services[0].loadBalancer.probe.path").asString().isEqualTo("/healthz");
		json.extractingPath("$.services[0].loadBalancer.probe.intervalSeconds").isEqualTo(10);
		json.extractingPath("$.services[0].loadBalancer.probe.timeoutSeconds").isEqualTo(6);
		json.extractingPath("$.services[0].loadBalancer.probe.healthyThreshold").isEqualTo(2);
		json.extractingPath("$.services[0].loadBalancer.probe.unhealthyThreshold").isEqualTo(2);
		json.extractingPath("$.services[0].loadBalancer").asMap().doesNotContainKey("announcingNodes");
		json.extractingPath("$.services[0].loadBalancerIPs").asArray().isEmpty();
		json.extractingPath("$.services[0].nodes[*].lbHealthy").asArray().containsExactly(true, true, false);
		json.extractingPath("$.warnings")
			.asArray()
			.anySatisfy((warning) -> assertThat(warning.toString())
				.contains("aws-nlb-instance publishes a hostname, not an IP"));
	}

	@Test
	void analyzeWithTcpProbeShouldLeaveThePathOut() {
		var json = assertOk("/api/v1/analyze?loadBalancer=aws-nlb-instance", TestManifests.uneven310Cluster());
		json.extractingPath("$.services[0].loadBalancer.probe.protocol").asString().isEqualTo("TCP");
		json.extractingPath("$.services[0].loadBalancer.probe").asMap().doesNotContainKey("path");
	}

	@Test
	void analyzeWithCiliumDsrShouldKeepTheClientUnderCluster() {
		var json = assertOk("/api/v1/analyze?dataplane=cilium-dsr", TestManifests.uneven310Cluster());
		json.extractingPath("$.services[0].endpoints[0].sourcesSeen").asMap().containsOnlyKeys("203.0.113.10");
		json.extractingPath("$.services[0].nodes[0].proxyHealthz").isNull();
	}

	@Test
	void analyzeByDefaultShouldNameTheGenericLoadBalancer() {
		var json = assertOk("/api/v1/analyze", TestManifests.uneven310());
		json.extractingPath("$.services[0].loadBalancer.id").asString().isEqualTo("generic");
		json.extractingPath("$.services[0].nodes[*].lbHealthy").asArray().containsExactly(true, true, false);
	}

	@Test
	void analyzeWithUnknownLoadBalancerShouldListTheEight() {
		assertRefused(post("/api/v1/analyze?loadBalancer=f5", TestManifests.uneven310()), HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'loadBalancer' must be one of: generic, aws-nlb-instance, aws-nlb-ip, aws-clb, "
					+ "gke-passthrough, azure, metallb-l2, metallb-bgp (got \"f5\").");
	}

	@Test
	void analyzeWithUnknownDataplaneShouldListTheThree() {
		assertRefused(post("/api/v1/analyze?dataplane=calico", TestManifests.uneven310()), HttpStatus.BAD_REQUEST)
			.isEqualTo(
					"Query parameter 'dataplane' must be one of: kube-proxy, cilium-snat, cilium-dsr (got \"calico\").");
	}

	@Test
	void analyzeWithLbAndAnotherLoadBalancerShouldNameTheConflict() {
		assertRefused(post("/api/v1/analyze?loadBalancer=metallb-l2&lb=weighted", TestManifests.uneven310()),
				HttpStatus.BAD_REQUEST)
			.startsWith("Query parameters 'lb' and 'loadBalancer' conflict");
	}

	@Test
	void analyzeWithLbAndGenericShouldBeFine() {
		assertOk("/api/v1/analyze?loadBalancer=generic&lb=weighted", TestManifests.uneven310())
			.extractingPath("$.services[0].nodes[*].lbShare")
			.asArray()
			.containsExactly("3/4", "1/4", "0");
	}

	@Test
	void traceWithUnknownLoadBalancerShouldBeRefused() {
		assertRefused(
				post("/api/v1/trace?node=n1&from=external&to=nodePort&loadBalancer=elb", TestManifests.uneven310()),
				HttpStatus.BAD_REQUEST)
			.startsWith("Query parameter 'loadBalancer' must be one of: generic,");
	}

	@Test
	void traceBehindMetallbL2ShouldTellWhoAnswersArp() {
		var json = assertOk("/api/v1/trace?node=n2&from=external&to=loadBalancerIP&loadBalancer=metallb-l2",
				TestManifests.uneven310());
		json.extractingPath("$.hops[1].at").asString().isEqualTo("lb");
		json.extractingPath("$.hops[1].step")
			.asString()
			.isEqualTo("n1 answers ARP for 198.51.100.10, so every packet " + "for it reaches n1");
		json.extractingPath("$.why[0]").asString().startsWith("n2 does not answer ARP for 198.51.100.10 (n1 does)");
	}

	@Test
	void traceBehindAnNlbShouldRewriteToTheNodePortAndRefuseTheLbIp() {
		var json = assertOk("/api/v1/trace?node=n3&from=external&to=nodePort&loadBalancer=aws-nlb-instance",
				TestManifests.uneven310());
		json.extractingPath("$.hops[1].step").asString().startsWith("the NLB sends the packet to n3's NodePort");
		json.extractingPath("$.verdict").asString().isEqualTo("DROP");
		json.extractingPath("$.why")
			.asArray()
			.anySatisfy((why) -> assertThat(why.toString())
				.startsWith("The load balancer's probe (HTTP /healthz on port 32000) fails on n3"));
		assertRefused(post("/api/v1/trace?node=n3&from=external&to=loadBalancerIP&loadBalancer=aws-nlb-instance",
				TestManifests.uneven310()), HttpStatus.BAD_REQUEST)
			.startsWith("to: aws-nlb-instance publishes a hostname, not an IP");
	}

	@Test
	void traceBehindAClassicElbShouldShowItsOwnConnection() {
		var json = assertOk("/api/v1/trace?node=n1&from=external&to=nodePort&loadBalancer=aws-clb",
				TestManifests.uneven310());
		json.extractingPath("$.hops[1].src").asString().isEqualTo("172.16.0.10:51234");
		json.extractingPath("$.sourceSeenByEndpoint.*").asArray().containsOnly("172.16.0.10");
	}

	@Test
	void traceUnderCiliumDsrShouldKeepTheClient() {
		var json = assertOk("/api/v1/trace?node=n3&from=external&to=loadBalancerIP&dataplane=cilium-dsr",
				TestManifests.uneven310Cluster());
		json.extractingPath("$.masquerade").isEqualTo(false);
		json.extractingPath("$.sourceSeenByEndpoint.*").asArray().containsOnly("203.0.113.10");
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
