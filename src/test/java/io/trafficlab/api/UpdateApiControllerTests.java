package io.trafficlab.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpdateApiController}: {@code POST /api/v1/update}, every status.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UpdateApiControllerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The 3/1/0 Service as {@code kubectl get -o yaml} shows it, with Local and 32000.
	 */
	private static final String WEB_LOCAL = TestManifests.uneven310Service();

	private static final String API_NODE_PORT = """
			---
			apiVersion: v1
			kind: Service
			metadata:
			  name: api
			  namespace: default
			spec:
			  type: NodePort
			  selector:
			    app: web
			  ports:
			  - port: 81
			    targetPort: 8080
			    nodePort: 30081
			""";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void updateWhenLocalBecomesClusterShouldReleaseTheHealthCheckNodePort() {
		var json = assertThat(update(TestManifests.uneven310(), WEB_LOCAL.replace("Local", "Cluster"))).hasStatusOk()
			.bodyJson();
		json.extractingPath("$.updates").asArray().containsExactly(updated("web", List.of(32000), List.of()));
		json.extractingPath("$.services[0].externalTrafficPolicy").isEqualTo("Cluster");
		json.extractingPath("$.services[0].healthCheckNodePort").isNull();
		json.extractingPath("$.services[0].nodePort").isEqualTo(30080);
		json.extractingPath("$.services[0].nodes[?(@.name == 'n3')].lbShare").asArray().containsExactly("1/3");
	}

	@Test
	void updateWhenClusterBecomesLocalShouldAllocateAHealthCheckNodePort() {
		String cluster = WEB_LOCAL.replace("Local", "Cluster").replace("  healthCheckNodePort: 32000\n", "");
		var json = assertThat(update(TestManifests.uneven310Cluster(), cluster.replace("Cluster", "Local")))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.updates[0].released").asArray().isEmpty();
		json.extractingPath("$.updates[0].allocated")
			.asArray()
			.singleElement()
			.satisfies((port) -> assertThat((Integer) port).isBetween(30000, 32767));
		json.extractingPath("$.services[0].nodes[?(@.name == 'n3')].lbShare").asArray().containsExactly("0");
	}

	@Test
	void updateWhenLoadBalancerBecomesClusterIpShouldDropTheTypeDependentFields() {
		var json = assertThat(update(TestManifests.uneven310(), WEB_LOCAL.replace("LoadBalancer", "ClusterIP")))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.updates[0].released").asArray().containsExactly(30080, 32000);
		json.extractingPath("$.services[0].type").isEqualTo("ClusterIP");
		json.extractingPath("$.services[0].externalTrafficPolicy").isNull();
		json.extractingPath("$.services[0].healthCheckNodePort").isNull();
		json.extractingPath("$.services[0].nodePort").isNull();
	}

	@Test
	void updateWhenHealthCheckNodePortChangesShouldBeRefusedAsImmutable() {
		assertRefused(update(TestManifests.uneven310(), WEB_LOCAL.replace("32000", "32001")),
				HttpStatus.UNPROCESSABLE_CONTENT)
			.isEqualTo("Service \"web\" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable");
	}

	@Test
	void updateWhenBecomingClusterIpWithAChangedPolicyShouldBeRefusedInTheApiServersWords() {
		assertRefused(update(TestManifests.uneven310(),
				WEB_LOCAL.replace("LoadBalancer", "ClusterIP")
					.replace("Local", "Cluster")
					.replace("  healthCheckNodePort: 32000\n", "")),
				HttpStatus.UNPROCESSABLE_CONTENT)
			.isEqualTo("Service \"web\" is invalid: spec.externalTrafficPolicy: Invalid value: \"Cluster\": "
					+ "may only be set for externally-accessible services");
	}

	@Test
	void updateWhenAPortIsReleasedShouldLetALaterUpdateReuseIt() {
		String apply = WEB_LOCAL.replace("Local", "Cluster") + API_NODE_PORT.replace("30081", "32000");
		var json = assertThat(update(TestManifests.uneven310() + API_NODE_PORT, apply)).hasStatusOk().bodyJson();
		json.extractingPath("$.updates")
			.asArray()
			.containsExactly(updated("web", List.of(32000), List.of()), updated("api", List.of(30081), List.of(32000)));
		json.extractingPath("$.services[?(@.name == 'api')].nodePort").asArray().containsExactly(32000);
	}

	@Test
	void updateWhenThePortIsStillHeldShouldSayItIsAllocated() {
		assertRefused(update(TestManifests.uneven310() + API_NODE_PORT, API_NODE_PORT.replace("30081", "32000")),
				HttpStatus.UNPROCESSABLE_CONTENT)
			.isEqualTo("Service \"api\" is invalid: spec.ports[0].nodePort: Invalid value: 32000: "
					+ "provided port is already allocated");
	}

	@Test
	void updateWhenTheServiceDoesNotExistShouldAnswer404AsTheApiServerWordsIt() {
		assertRefused(update(TestManifests.uneven310(), WEB_LOCAL.replace("name: web", "name: shop")),
				HttpStatus.NOT_FOUND)
			.isEqualTo("services \"shop\" not found");
	}

	@Test
	void updateWhenApplyIsNotYamlShouldNameTheTextAndTheLine() {
		assertRefused(update(TestManifests.uneven310(), "apiVersion: v1\nkind: Service\nmetadata: [unclosed\n"),
				HttpStatus.BAD_REQUEST)
			.startsWith("In \"apply\": ")
			.contains("line ");
	}

	@Test
	void updateWhenCurrentIsNotYamlShouldNameTheText() {
		assertRefused(update("kind: [\n", WEB_LOCAL), HttpStatus.BAD_REQUEST).startsWith("In \"current\": ");
	}

	@Test
	void updateWhenApplyHoldsOtherKindsShouldSayOnlyServicesAreUpdated() {
		assertRefused(update(TestManifests.uneven310(), TestManifests.uneven310()), HttpStatus.BAD_REQUEST)
			.contains("updates Services only");
	}

	@Test
	void updateWhenBodyIsNotJsonShouldAnswer400() {
		assertRefused(
				this.mvc.post().uri("/api/v1/update").contentType(MediaType.APPLICATION_JSON).content("{\"current\":"),
				HttpStatus.BAD_REQUEST)
			.startsWith("The request body is not JSON");
	}

	@Test
	void updateWhenAFieldIsMissingShouldNameIt() {
		assertRefused(
				this.mvc.post()
					.uri("/api/v1/update")
					.contentType(MediaType.APPLICATION_JSON)
					.content(JSON.writeValueAsString(Map.of("current", TestManifests.uneven310()))),
				HttpStatus.BAD_REQUEST)
			.startsWith("\"apply\" is missing.");
	}

	@Test
	void updateWhenBodyIsOver16MebibytesShouldAnswer413() {
		byte[] body = new byte[17 * 1024 * 1024];
		Arrays.fill(body, (byte) ' ');
		assertRefused(this.mvc.post().uri("/api/v1/update").contentType(MediaType.APPLICATION_JSON).content(body),
				HttpStatus.PAYLOAD_TOO_LARGE)
			.isEqualTo("The request body is over the 16 MiB limit.");
	}

	@Test
	void updateWhenBodyIsYamlShouldAnswer415() {
		assertThat(this.mvc.post().uri("/api/v1/update").contentType("application/yaml").content(WEB_LOCAL))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_JSON);
	}

	private static Map<String, Object> updated(String name, List<Integer> released, List<Integer> allocated) {
		return Map.of("namespace", "default", "name", name, "kind", "Service", "released", released, "allocated",
				allocated);
	}

	private MvcTestResult update(String current, String apply) {
		return this.mvc.post()
			.uri("/api/v1/update")
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("current", current, "apply", apply)))
			.exchange();
	}

}
