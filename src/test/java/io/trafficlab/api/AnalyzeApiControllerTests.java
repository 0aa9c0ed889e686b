package io.trafficlab.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static io.trafficlab.api.ApiAssertions.assertBadRequestWithErrors;
import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnalyzeApiController} and the JSON errors of
 * {@code POST /api/v1/analyze}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnalyzeApiControllerTests {

	private static final String YAML = "application/yaml";

	private static final String N3_BODY = "{\n\t\"service\": {\n\t\t\"namespace\": \"default\",\n\t\t\"name\": \"web\"\n\t},"
			+ "\n\t\"localEndpoints\": 0,\n\t\"serviceProxyHealthy\": true\n}";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void analyzeWhenLocalWithEvenLoadBalancerShouldGiveTheLonePodHalfOfTheTraffic() {
		assertThat(analyze(TestManifests.uneven310())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.services[0].endpoints[?(@.pod == 'web-n2-a')].externalShare")
			.asArray()
			.containsExactly("1/2");
	}

	@Test
	void analyzeWhenLocalWithEvenLoadBalancerShouldGiveEachPodOnN1OneSixth() {
		assertThat(analyze(TestManifests.uneven310())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.services[0].endpoints[?(@.node == 'n1')].externalShare")
			.asArray()
			.containsExactly("1/6", "1/6", "1/6");
	}

	@Test
	void analyzeWhenNodeHasNoLocalEndpointShouldShowItsExactHealthCheckAnswer() {
		var json = assertThat(analyze(TestManifests.uneven310())).hasStatusOk().bodyJson();
		String n3 = "$.services[0].nodes[?(@.name == 'n3')]";
		json.extractingPath(n3 + ".healthCheck.status").asArray().containsExactly(503);
		json.extractingPath(n3 + ".healthCheck.body").asArray().containsExactly(N3_BODY);
		json.extractingPath(n3 + ".healthCheck.headers")
			.asArray()
			.containsExactly(Map.of("Content-Type", "application/json", "X-Content-Type-Options", "nosniff",
					"X-Load-Balancing-Endpoint-Weight", "0"));
		json.extractingPath(n3 + ".lbShare").asArray().containsExactly("0");
	}

	@Test
	void analyzeWhenNodeHasLocalEndpointsShouldPassTheHealthCheckWithTheirCountAsWeight() {
		var json = assertThat(analyze(TestManifests.uneven310())).hasStatusOk().bodyJson();
		String n1 = "$.services[0].nodes[?(@.name == 'n1')]";
		json.extractingPath(n1 + ".healthCheck.status").asArray().containsExactly(200);
		json.extractingPath(n1 + ".healthCheck.headers['X-Load-Balancing-Endpoint-Weight']")
			.asArray()
			.containsExactly("3");
		json.extractingPath(n1 + ".lbShare").asArray().containsExactly("1/2");
		json.extractingPath(n1 + ".localEndpoints")
			.asArray()
			.containsExactly(List.of("10.244.1.10", "10.244.1.11", "10.244.1.12"));
	}

	@Test
	void analyzeWhenLocalShouldWriteEveryContractField() {
		var json = assertThat(analyze(TestManifests.uneven310())).hasStatusOk().bodyJson();
		json.extractingPath("$.warnings").asArray().isNotNull();
		json.extractingPath("$.services[0]")
			.asMap()
			.containsKeys("namespace", "name", "type", "externalTrafficPolicy", "internalTrafficPolicy", "clusterIP",
					"nodePort", "loadBalancerIPs", "healthCheckNodePort", "hasAnyEndpoints", "nodes", "endpoints")
			.containsEntry("namespace", "default")
			.containsEntry("name", "web")
			.containsEntry("type", "LoadBalancer")
			.containsEntry("externalTrafficPolicy", "Local")
			.containsEntry("internalTrafficPolicy", "Cluster")
			.containsEntry("clusterIP", "10.96.0.50")
			.containsEntry("nodePort", 30080)
			.containsEntry("loadBalancerIPs", List.of("198.51.100.10"))
			.containsEntry("healthCheckNodePort", 32000)
			.containsEntry("hasAnyEndpoints", true);
		json.extractingPath("$.services[0].nodes[0]")
			.asMap()
			.containsKeys("name", "clusterEndpoints", "localEndpoints", "healthCheck", "proxyHealthz", "proxyLivez",
					"lbShare");
		json.extractingPath("$.services[0].nodes[0].healthCheck").asMap().containsKeys("status", "headers", "body");
		json.extractingPath("$.services[0].nodes[0].proxyHealthz")
			.asMap()
			.containsEntry("status", 200)
			.containsEntry("healthy", true)
			.containsEntry("nodeEligible", true);
		json.extractingPath("$.services[0].nodes[0].proxyLivez")
			.asMap()
			.containsEntry("status", 200)
			.containsEntry("healthy", true);
		json.extractingPath("$.services[0].endpoints[0]")
			.asMap()
			.containsKeys("ip", "node", "pod", "ready", "serving", "terminating", "externalShare", "sourcesSeen");
	}

	@Test
	void analyzeWhenLocalShouldLetPodsSeeTheClientAddress() {
		assertThat(analyze(TestManifests.uneven310())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.services[0].endpoints[?(@.pod == 'web-n2-a')].sourcesSeen")
			.asArray()
			.containsExactly(Map.of("203.0.113.10", "1/2"));
	}

	@Test
	void analyzeWhenClientIpGivenShouldUseItAsTheSourcePodsSee() {
		assertThat(this.mvc.post()
			.uri("/api/v1/analyze?clientIp=198.51.100.77")
			.contentType(YAML)
			.content(TestManifests.uneven310())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.services[0].endpoints[?(@.pod == 'web-n2-a')].sourcesSeen")
			.asArray()
			.containsExactly(Map.of("198.51.100.77", "1/2"));
	}

	@Test
	void analyzeWhenWeightedLoadBalancerShouldGiveEveryPodAQuarter() {
		var json = assertThat(analyze("/api/v1/analyze?lb=weighted", TestManifests.uneven310())).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.services[0].endpoints[*].externalShare")
			.asArray()
			.containsExactly("1/4", "1/4", "1/4", "1/4");
		json.extractingPath("$.services[0].nodes[*].lbShare").asArray().containsExactly("3/4", "1/4", "0");
	}

	@Test
	void analyzeWhenClusterPolicyShouldGiveEveryPodAQuarterAndNoHealthCheck() {
		var json = assertThat(analyze(TestManifests.uneven310Cluster())).hasStatusOk().bodyJson();
		json.extractingPath("$.services[0].externalTrafficPolicy").isEqualTo("Cluster");
		json.extractingPath("$.services[0].endpoints[*].externalShare")
			.asArray()
			.containsExactly("1/4", "1/4", "1/4", "1/4");
		json.extractingPath("$.services[0].nodes[*].lbShare").asArray().containsExactly("1/3", "1/3", "1/3");
		json.extractingPath("$.services[0]").asMap().containsEntry("healthCheckNodePort", null);
		json.extractingPath("$.services[0].nodes[0]")
			.asMap()
			.containsEntry("healthCheck", null)
			.containsEntry("localEndpoints", null);
	}

	@Test
	void analyzeWhenClusterPolicyShouldLetPodsSeeNodeAddresses() {
		assertThat(analyze(TestManifests.uneven310Cluster())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.services[0].endpoints[?(@.pod == 'web-n2-a')].sourcesSeen")
			.asArray()
			.containsExactly(Map.of("192.168.0.11", "1/12", "10.244.2.1", "1/12", "192.168.0.13", "1/12"));
	}

	@Test
	void analyzeWhenNodeFilterGivenShouldListOnlyThoseNodes() {
		var json = assertThat(analyze("/api/v1/analyze?node=n3&node=n2", TestManifests.uneven310())).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.services[0].nodes[*].name").asArray().containsExactlyInAnyOrder("n2", "n3");
		json.extractingPath("$.services[0].endpoints").asArray().hasSize(4);
	}

	@Test
	void analyzeWhenServiceIsNotExternallyAccessibleShouldWriteNullPolicy() {
		String clusterIp = TestManifests.uneven310Cluster()
			.replace("type: LoadBalancer", "type: ClusterIP")
			.replace("  externalTrafficPolicy: Cluster\n", "")
			.replace("    nodePort: 30080\n", "");
		var json = assertThat(analyze(clusterIp)).hasStatusOk().bodyJson();
		json.extractingPath("$.services[0]")
			.asMap()
			.containsEntry("type", "ClusterIP")
			.containsEntry("externalTrafficPolicy", null)
			.containsEntry("nodePort", null);
	}

	@Test
	void analyzeWhenBodyIsJsonShouldReadIt() {
		assertThat(this.mvc.post()
			.uri("/api/v1/analyze")
			.contentType(MediaType.APPLICATION_JSON)
			.content(asJsonList(TestManifests.uneven310()))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.services[0].endpoints[?(@.pod == 'web-n2-a')].externalShare")
			.asArray()
			.containsExactly("1/2");
	}

	@Test
	void analyzeWhenOtherYamlMediaTypesShouldAcceptThem() {
		for (String mediaType : List.of("text/yaml", "application/x-yaml", "application/yaml;charset=UTF-8")) {
			assertThat(this.mvc.post().uri("/api/v1/analyze").contentType(mediaType).content(TestManifests.uneven310()))
				.as(mediaType)
				.hasStatusOk();
		}
	}

	@Test
	void analyzeWhenClientAcceptsOnlyHtmlShouldStillAnswerJson() {
		assertThat(analyze(TestManifests.uneven310()).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void analyzeWhenYamlIsBrokenShouldAnswer400NamingLineAndColumn() {
		String broken = "apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n";
		var json = assertThat(analyze(broken)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson();
		json.extractingPath("$.errors[0]").asString().containsIgnoringCase("line").containsIgnoringCase("column");
	}

	@Test
	void analyzeWhenYamlIsAnAliasBombShouldAnswer400() {
		StringBuilder bomb = new StringBuilder(
				"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char level = 'b'; level <= 'k'; level++) {
			char previous = (char) (level - 1);
			bomb.append(level).append(": &").append(level).append(" [");
			bomb.append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
		}
		assertBadRequestWithErrors(analyze(bomb.toString()));
	}

	@Test
	void analyzeWhenYamlIsNestedVeryDeeplyShouldAnswer400() {
		String deep = "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
		assertThat(analyze(deep)).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void analyzeWhenLoadBalancerModelUnknownShouldAnswer400NamingTheAllowedValues() {
		assertRefused(analyze("/api/v1/analyze?lb=random", TestManifests.uneven310()), HttpStatus.BAD_REQUEST)
			.contains("'lb'")
			.contains("even, weighted")
			.contains("random");
	}

	@Test
	void analyzeWhenClientIpIsNotAnAddressShouldAnswer400() {
		assertRefused(analyze("/api/v1/analyze?clientIp=example.com", TestManifests.uneven310()),
				HttpStatus.BAD_REQUEST)
			.contains("'clientIp'")
			.contains("IP address");
	}

	@Test
	void analyzeWhenBodyIsOver16MebibytesShouldAnswer413() {
		byte[] body = new byte[17 * 1024 * 1024];
		Arrays.fill(body, (byte) '#');
		assertThat(this.mvc.post().uri("/api/v1/analyze").contentType(YAML).content(body))
			.hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isEqualTo("{\"errors\":[\"The request body is over the 16 MiB limit.\"]}");
	}

	@Test
	void analyzeWhenContentTypeIsNotYamlOrJsonShouldAnswer415ListingTheAcceptedOnes() {
		var result = assertThat(this.mvc.post()
			.uri("/api/v1/analyze")
			.contentType(MediaType.TEXT_PLAIN)
			.content(TestManifests.uneven310()));
		result.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentType(MediaType.APPLICATION_JSON);
		result.headers().containsHeader(HttpHeaders.ACCEPT);
		result.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("text/plain")
			.contains("application/yaml")
			.contains("text/yaml")
			.contains("application/x-yaml")
			.contains("application/json");
	}

	@Test
	void analyzeWhenContentTypeMissingShouldAnswer415() {
		assertThat(this.mvc.post().uri("/api/v1/analyze").content(TestManifests.uneven310()))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_JSON);
	}

	@Test
	void analyzeWhenBodyIsEmptyShouldAnswer400() {
		assertRefused(this.mvc.post().uri("/api/v1/analyze").contentType(YAML).content(new byte[0]),
				HttpStatus.BAD_REQUEST)
			.contains("empty");
	}

	@Test
	void analyzeWhenApiServerWouldRejectAServiceShouldAnswer422InItsWords() {
		assertThat(analyze(TestManifests.clusterIpWithLocalPolicy())).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.contains("Service \"web\" is invalid: spec.externalTrafficPolicy: Invalid value: \"Local\": "
					+ "may only be set for externally-accessible services");
	}

	@Test
	void analyzeWhenThreeNodesHaveMegabyteNamesShouldAnswerASmall422InTheApiServersWords() {
		StringBuilder manifests = new StringBuilder(TestManifests.uneven310());
		for (char letter : List.of('a', 'b', 'c')) {
			manifests.append("\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: ")
				.append(String.valueOf(letter).repeat(1_000_000))
				.append('\n');
		}
		var response = assertThat(analyze(manifests.toString())).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		response.body().satisfies((body) -> assertThat(body).hasSizeLessThan(2_000));
		response.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.startsWith("Node \"aaaa")
			.contains("\"... (999744 more characters) is invalid: metadata.name: Invalid value: \"aaaa",
					"must be no more than 253 characters");
	}

	@Test
	void analyzeWhenOverTheNodeLimitShouldAnswer422() {
		assertRefused(analyze(TestManifests.nodes(5_001)), HttpStatus.UNPROCESSABLE_CONTENT)
			.containsIgnoringCase("node");
	}

	@Test
	void analyzeWhenResponseWouldListMillionsOfAddressesShouldAnswer422NamingHowToNarrowIt() {
		// 500 nodes × 5,000 pods under Cluster: 2.5 million endpoint IPs in per-node
		// sets, 2.5 million sources
		assertRefused(analyze(TestManifests.bigCluster(500, 5_000, "Cluster")), HttpStatus.UNPROCESSABLE_CONTENT)
			.contains("5,000,000 addresses", "the limit is 2,000,000", "node=<name>", "sourcesSeen=false");
	}

	@Test
	void analyzeWhenNarrowedToOneNodeWithoutSourcesShouldAnswerTheSameBigCluster() {
		var json = assertThat(analyze("/api/v1/analyze?node=node-7&sourcesSeen=false",
				TestManifests.bigCluster(500, 5_000, "Cluster")))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.services[0].nodes.length()").isEqualTo(1);
		json.extractingPath("$.services[0].nodes[0].clusterEndpoints.length()").isEqualTo(5_000);
		json.extractingPath("$.services[0].endpoints[0].externalShare").isEqualTo("1/5000");
		json.extractingPath("$.services[0].endpoints[0].sourcesSeen").isNull();
	}

	@Test
	void analyzeWhenSourcesSeenIsNotABooleanShouldAnswer400NamingIt() {
		assertRefused(analyze("/api/v1/analyze?sourcesSeen=maybe", TestManifests.uneven310()), HttpStatus.BAD_REQUEST)
			.contains("sourcesSeen");
	}

	@Test
	void analyzeWhenMethodIsGetShouldAnswer405AsJson() {
		var result = assertThat(this.mvc.get().uri("/api/v1/analyze").accept(MediaType.TEXT_HTML));
		result.hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasContentType(MediaType.APPLICATION_JSON);
		result.headers().containsHeader(HttpHeaders.ALLOW);
		result.bodyJson().extractingPath("$.errors[0]").asString().contains("POST");
	}

	@Test
	void apiWhenPathUnknownShouldAnswer404AsJson() {
		assertThat(this.mvc.post().uri("/api/v1/analyse").contentType(YAML).content("a: b").accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("/api/v1/analyze");
	}

	private MockMvcRequestBuilder analyze(String manifests) {
		return analyze("/api/v1/analyze", manifests);
	}

	private MockMvcRequestBuilder analyze(String uri, String manifests) {
		return this.mvc.post().uri(uri).contentType(YAML).content(manifests.getBytes(StandardCharsets.UTF_8));
	}

	private static String asJsonList(String yaml) {
		List<Object> items = YAMLMapper.builder().build().readerFor(Object.class).readValues(yaml).readAll();
		return JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("apiVersion", "v1", "kind", "List", "items", items));
	}

}
