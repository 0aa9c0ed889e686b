package io.trafficlab.sandbox;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.create;
import static io.trafficlab.sandbox.SandboxApi.snapshot;
import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxController}: creating, reading, replacing and ending sandboxes,
 * and their errors.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void createWhenNoBodyShouldRunTheDefaultPresetAndSayWhereToWatch() {
		MvcTestResult result = this.mvc.post().uri("/api/v1/sandboxes").exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(body(result), "$.id");
		assertThat(id).matches("[A-Za-z0-9_-]{22}");
		assertThat(result).headers().hasValue(HttpHeaders.LOCATION, "/api/v1/sandboxes/" + id + "/snapshot");
		assertThat(result).bodyJson()
			.isLenientlyEqualTo("{\"preset\": \"two-pods-three-nodes\", \"topic\": \"/topic/sandboxes/" + id
					+ "/events\", \"statsTopic\": \"/topic/sandboxes/" + id + "/stats\", \"snapshotDestination\": "
					+ "\"/app/sandboxes/" + id + "/snapshot\"}");
	}

	@Test
	void createWhenManifestsInTheBodyShouldRunThem() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/sandboxes?seed=5")
			.contentType("application/yaml")
			.content(TestManifests.uneven310())
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.preset").isNull();
		String snapshot = snapshot(this.mvc, JsonPath.read(body(result), "$.id"));
		assertThat(JsonPath.<Integer>read(snapshot, "$.simulation.pods.length()")).isEqualTo(4);
		assertThat(JsonPath.<Integer>read(snapshot, "$.simulation.settings.seed")).isEqualTo(5);
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.ref.name")).isEqualTo("web");
	}

	@Test
	void createWhenManifestsAreNotYamlShouldAnswer400WithLineAndColumn() {
		assertRefused(this.mvc.post().uri("/api/v1/sandboxes").contentType("application/yaml").content("kind: [\n"),
				HttpStatus.BAD_REQUEST)
			.contains("line");
	}

	@Test
	void createWhenTheApiServerWouldRejectAnObjectShouldAnswer422InItsWords() {
		assertRefused(this.mvc.post()
			.uri("/api/v1/sandboxes")
			.contentType("application/yaml")
			.content(TestManifests.clusterIpWithLocalPolicy()), HttpStatus.UNPROCESSABLE_CONTENT)
			.contains("spec.externalTrafficPolicy");
	}

	@Test
	void createWhenManifestsAreSentAsAFormShouldAnswer415SayingHowToSendThem() {
		assertRefused(this.mvc.post()
			.uri("/api/v1/sandboxes")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(TestManifests.uneven310()), HttpStatus.UNSUPPORTED_MEDIA_TYPE).contains("application/yaml");
	}

	@Test
	void createWhenPresetAndBodyBothGivenShouldAnswer400() {
		assertThat(this.mvc.post()
			.uri("/api/v1/sandboxes?preset=empty")
			.contentType("application/yaml")
			.content(TestManifests.uneven310())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.isEqualTo("Send only one of: manifests as the body, query parameter 'preset', query parameter 's'.");
	}

	@Test
	void createWhenPresetUnknownShouldAnswer400NamingTheParameter() {
		assertRefused(this.mvc.post().uri("/api/v1/sandboxes?preset=nope"), HttpStatus.BAD_REQUEST)
			.startsWith("Query parameter 'preset' must be one of: two-pods-three-nodes, ");
	}

	@Test
	void createWhenSeedIsNotANumberShouldAnswer400NamingIt() {
		assertThat(this.mvc.post().uri("/api/v1/sandboxes?seed=abc")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.isEqualTo("Query parameter 'seed' must be a whole number (got \"abc\").");
	}

	@Test
	void snapshotWhenSandboxUnknownShouldAnswer404AsJson() {
		assertThat(this.mvc.get().uri("/api/v1/sandboxes/AAAAAAAAAAAAAAAAAAAAAA/snapshot"))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.startsWith("There is no sandbox \"AAAAAAAAAAAAAAAAAAAAAA\"");
	}

	@Test
	void statisticsShouldGiveExactSharesAsFractions() {
		String id = create(this.mvc, "uneven-3-1-0");
		MvcTestResult result = this.mvc.get().uri("/api/v1/sandboxes/" + id + "/statistics").exchange();
		assertThat(result).hasStatusOk();
		String statistics = body(result);
		assertThat(JsonPath.<Integer>read(statistics, "$.generation")).isZero();
		assertThat(JsonPath.<java.util.List<String>>read(statistics, "$.statistics.pods[*].exactShare"))
			.containsExactlyInAnyOrder("1/6", "1/6", "1/6", "1/2");
	}

	@Test
	void resetStatisticsShouldStartANewCountingWindow() {
		String id = create(this.mvc, "uneven-3-1-0");
		assertThat(this.mvc.post().uri("/api/v1/sandboxes/" + id + "/pause")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.post().uri("/api/v1/sandboxes/" + id + "/statistics/reset"))
			.hasStatus(HttpStatus.NO_CONTENT);
		String statistics = body(this.mvc.get().uri("/api/v1/sandboxes/" + id + "/statistics").exchange());
		assertThat(JsonPath.<Number>read(statistics, "$.statistics.countingSince"))
			.isEqualTo(JsonPath.<Number>read(statistics, "$.statistics.now"));
		assertThat(JsonPath.<Integer>read(statistics, "$.statistics.connections")).isZero();
	}

	@Test
	void presetShouldReplaceTheSimulationAsANewGeneration() {
		String id = create(this.mvc, "uneven-3-1-0");
		assertThat(this.mvc.post().uri("/api/v1/sandboxes/" + id + "/preset?name=six-replicas-spread"))
			.hasStatus(HttpStatus.NO_CONTENT);
		String snapshot = snapshot(this.mvc, id);
		assertThat(JsonPath.<String>read(snapshot, "$.preset")).isEqualTo("six-replicas-spread");
		assertThat(JsonPath.<Integer>read(snapshot, "$.generation")).isEqualTo(1);
		assertThat(JsonPath.<Integer>read(snapshot, "$.simulation.pods.length()")).isEqualTo(6);
	}

	@Test
	void manifestsShouldReplaceTheSimulation() {
		String id = create(this.mvc, "empty");
		assertThat(this.mvc.post()
			.uri("/api/v1/sandboxes/" + id + "/manifests")
			.contentType("application/yaml")
			.content(TestManifests.uneven310())).hasStatus(HttpStatus.NO_CONTENT);
		String snapshot = snapshot(this.mvc, id);
		assertThat(JsonPath.<Object>read(snapshot, "$.preset")).isNull();
		assertThat(JsonPath.<Integer>read(snapshot, "$.simulation.pods.length()")).isEqualTo(4);
	}

	@Test
	void manifestsWhenBodyEmptyShouldAnswer400() {
		String id = create(this.mvc, "empty");
		assertRefused(this.mvc.post().uri("/api/v1/sandboxes/" + id + "/manifests").contentType("application/yaml"),
				HttpStatus.BAD_REQUEST)
			.startsWith("The request body is empty");
	}

	@Test
	void endShouldMakeTheSandboxUnknown() {
		String id = create(this.mvc, "empty");
		assertThat(this.mvc.delete().uri("/api/v1/sandboxes/" + id)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.delete().uri("/api/v1/sandboxes/" + id)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/api/v1/sandboxes/" + id + "/pause")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
