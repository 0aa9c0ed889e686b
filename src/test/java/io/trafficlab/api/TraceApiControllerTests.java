package io.trafficlab.api;

import java.util.List;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static io.trafficlab.api.ApiAssertions.assertBadRequestWithErrors;
import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TraceApiController}: the worked example of kube-proxy-semantics §8 and
 * the JSON errors of {@code POST /api/v1/trace}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TraceApiControllerTests {

	private static final List<String> ALL_PODS = List.of("10.244.1.10", "10.244.1.11", "10.244.1.12", "10.244.2.10");

	@Autowired
	private MockMvcTester mvc;

	@Test
	void traceWhenExternalClientHitsNodeWithoutLocalPodUnderLocalShouldDrop() {
		assertTrace("node=n3&from=external&to=loadBalancerIP", "DROP", List.of(), false);
	}

	@Test
	void traceWhenExternalClientHitsNodeWithLocalPodsUnderLocalShouldKeepTheClientAddress() {
		var json = assertTrace("node=n1&from=external&to=loadBalancerIP", "DNAT",
				List.of("10.244.1.10", "10.244.1.11", "10.244.1.12"), false);
		json.extractingPath("$.sourceSeenByEndpoint['10.244.1.10']").isEqualTo("203.0.113.10");
	}

	@Test
	void traceWhenPodOnN3HitsTheLoadBalancerIpShouldShortCircuitToAllPodsWithoutMasquerade() {
		var json = assertTrace("node=n3&from=pod&to=loadBalancerIP", "DNAT", ALL_PODS, false);
		json.extractingPath("$.sourceSeenByEndpoint.*")
			.asArray()
			.allSatisfy((source) -> assertThat(source).asString().startsWith("10.244.3."));
	}

	@Test
	void traceWhenHostNetworkProcessOnN3HitsTheLoadBalancerIpShouldMasqueradeToTheNodeAddress() {
		var json = assertTrace("node=n3&from=node&to=loadBalancerIP", "DNAT", ALL_PODS, true);
		json.extractingPath("$.sourceSeenByEndpoint.*").asArray().containsOnly("192.168.0.13");
	}

	@Test
	void traceWhenServiceHasNoEndpointsAnywhereShouldReject() {
		assertThat(trace("node=n1&from=external&to=nodePort", TestManifests.uneven310WithoutPods())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.verdict")
			.isEqualTo("REJECT");
	}

	@Test
	void traceWhenMasqueradeAllShouldMasqueradePodTrafficToTheClusterIp() {
		assertThat(trace("node=n3&from=pod&to=clusterIP&masqueradeAll=true")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.masquerade")
			.isEqualTo(true);
	}

	@Test
	void traceShouldWriteEveryContractField() {
		var json = assertThat(trace("service=default/web&node=n1&from=external&to=nodePort&sourceIp=198.51.100.7"))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$")
			.asMap()
			.containsKeys("verdict", "endpoints", "masquerade", "sourceSeenByEndpoint", "hops", "why");
		json.extractingPath("$.hops[0]").asMap().containsKeys("at", "step", "src", "dst");
		json.extractingPath("$.why").asArray().isNotEmpty();
		json.extractingPath("$.sourceSeenByEndpoint['10.244.1.10']").isEqualTo("198.51.100.7");
	}

	@Test
	void traceWhenNodeMissingShouldAnswer400ListingTheNodes() {
		assertThat(trace("from=external&to=loadBalancerIP")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("'node'")
			.contains("n1, n2, n3");
	}

	@Test
	void traceWhenNodeUnknownShouldAnswer400ListingTheNodes() {
		assertRefused(trace("node=n9&from=external&to=loadBalancerIP"), HttpStatus.BAD_REQUEST).contains("'node'")
			.contains("n9")
			.contains("n1, n2, n3");
	}

	@Test
	void traceWhenSourceUnknownShouldAnswer400ListingTheAllowedValues() {
		assertRefused(trace("node=n1&from=internet&to=loadBalancerIP"), HttpStatus.BAD_REQUEST).contains("'from'")
			.contains("external, pod, node");
	}

	@Test
	void traceWhenDestinationMissingShouldAnswer400ListingTheAllowedValues() {
		assertRefused(trace("node=n1&from=external"), HttpStatus.BAD_REQUEST).contains("'to'")
			.contains("clusterIP, nodePort, loadBalancerIP, externalIP");
	}

	@Test
	void traceWhenMasqueradeAllIsNotABooleanShouldAnswer400() {
		assertRefused(trace("node=n1&from=pod&to=clusterIP&masqueradeAll=yes"), HttpStatus.BAD_REQUEST)
			.contains("'masqueradeAll'")
			.contains("true, false");
	}

	@Test
	void traceWhenSourceIpIsNotAnAddressShouldAnswer400() {
		assertRefused(trace("node=n1&from=external&to=nodePort&sourceIp=10.0.0.300"), HttpStatus.BAD_REQUEST)
			.contains("'sourceIp'");
	}

	@Test
	void traceWhenClusterCidrIsNotACidrShouldAnswer400() {
		assertRefused(trace("node=n1&from=pod&to=nodePort&clusterCidr=10.244.0.0"), HttpStatus.BAD_REQUEST)
			.contains("'clusterCidr'")
			.contains("none");
	}

	@Test
	void traceWhenNoLocalTrafficDetectorShouldNotShortCircuitPods() {
		assertThat(trace("node=n3&from=pod&to=loadBalancerIP&clusterCidr=none")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.verdict")
			.isEqualTo("DROP");
	}

	@Test
	void traceWhenSeveralServicesAndNoneNamedShouldAnswer400ListingThem() {
		String twoServices = TestManifests.uneven310() + "---\n" + """
				apiVersion: v1
				kind: Service
				metadata:
				  name: api
				  namespace: shop
				spec:
				  selector:
				    app: api
				  ports:
				  - port: 8080
				""";
		assertRefused(trace("node=n1&from=external&to=nodePort", twoServices), HttpStatus.BAD_REQUEST)
			.contains("'service'")
			.contains("default/web")
			.contains("shop/api");
	}

	@Test
	void traceWhenServiceUnknownShouldAnswer400() {
		assertRefused(trace("service=default/shop&node=n1&from=external&to=nodePort"), HttpStatus.BAD_REQUEST)
			.contains("'service'")
			.contains("default/web");
	}

	@Test
	void traceWhenServiceHasNoSuchDestinationShouldAnswer400() {
		assertBadRequestWithErrors(trace("node=n1&from=external&to=externalIP"));
	}

	@Test
	void traceWhenApiServerWouldRejectAServiceShouldAnswer422() {
		assertRefused(trace("node=n1&from=external&to=nodePort", TestManifests.clusterIpWithLocalPolicy()),
				HttpStatus.UNPROCESSABLE_CONTENT)
			.startsWith("Service \"web\" is invalid: spec.externalTrafficPolicy");
	}

	@Test
	void traceWhenYamlIsBrokenShouldAnswer400() {
		assertRefused(trace("node=n1&from=external&to=nodePort", "kind: Service\nmetadata: {name: web\n"),
				HttpStatus.BAD_REQUEST)
			.containsIgnoringCase("line");
	}

	@Test
	void traceWhenContentTypeUnsupportedShouldAnswer415() {
		assertThat(this.mvc.post()
			.uri("/api/v1/trace?node=n1&from=external&to=nodePort")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("manifests=x")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_JSON);
	}

	/**
	 * The 3/1/0 example's trace answers, as JSON, with the verdict, the endpoints and
	 * whether it masquerades; the returned assertion is on the rest of its JSON.
	 */
	private AbstractJsonContentAssert<?> assertTrace(String query, String verdict, List<String> endpoints,
			boolean masquerade) {
		var json = assertThat(trace(query)).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON).bodyJson();
		json.extractingPath("$.verdict").isEqualTo(verdict);
		json.extractingPath("$.endpoints").asArray().containsExactlyElementsOf(endpoints);
		json.extractingPath("$.masquerade").isEqualTo(masquerade);
		return json;
	}

	private MockMvcRequestBuilder trace(String query) {
		return trace(query, TestManifests.uneven310());
	}

	private MockMvcRequestBuilder trace(String query, String manifests) {
		return this.mvc.post().uri("/api/v1/trace?" + query).contentType("application/yaml").content(manifests);
	}

}
