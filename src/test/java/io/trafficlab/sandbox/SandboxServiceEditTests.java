package io.trafficlab.sandbox;

import java.util.List;
import java.util.function.UnaryOperator;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.create;
import static io.trafficlab.sandbox.SandboxApi.createAt;
import static io.trafficlab.sandbox.SandboxApi.snapshot;
import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code PUT /api/v1/sandboxes/{id}/service}: {@code kubectl edit} of the
 * sandbox's Service, through the API server's update path; a refusal or bad YAML leaves
 * the sandbox as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxServiceEditTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Test
	void editToClusterShouldReleaseTheHealthCheckNodePortAsTheApiServerDoes() {
		String id = create(this.mvc, "uneven-3-1-0");
		String yaml = serviceYaml(id);
		int port = healthCheckNodePort(id);
		assertThat(port).isPositive();
		MvcTestResult result = edit(id, yaml.replace("externalTrafficPolicy: Local", "externalTrafficPolicy: Cluster"));
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result.getResponse().getHeader(SandboxCommands.HEADER)).contains("\"command\":\"updateService\"");
		assertThat(result).bodyJson().extractingPath("$.released").asArray().containsExactly(port);
		assertThat(result).bodyJson().extractingPath("$.allocated").asArray().isEmpty();
		String snapshot = snapshot(this.mvc, id);
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.externalTrafficPolicy")).isEqualTo("Cluster");
		assertThat(healthCheckNodePort(id)).isZero();
		assertThat(serviceYaml(id)).contains("externalTrafficPolicy: Cluster").doesNotContain("healthCheckNodePort");
	}

	@Test
	void aPolicyChangeShouldKeepTheStatusTheNlbPublishedAHostnameNotAnIp() {
		String id = create(this.mvc, "uneven-3-1-0");
		assertThat(JsonPath.<List<String>>read(snapshot(this.mvc, id), "$.simulation.service.loadBalancerIps"))
			.isEmpty();
		assertThat(this.mvc.put().uri("/api/v1/sandboxes/" + id + "/service/external-traffic-policy?value=Cluster"))
			.hasStatus(HttpStatus.NO_CONTENT);
		String after = snapshot(this.mvc, id);
		assertThat(JsonPath.<String>read(after, "$.simulation.service.externalTrafficPolicy")).isEqualTo("Cluster");
		assertThat(JsonPath.<List<String>>read(after, "$.simulation.service.loadBalancerIps")).isEmpty();
		assertThat(serviceYaml(id)).contains("hostname: k8s-default-web-").doesNotContain("ip: 198.51.100.10");
	}

	@Test
	void editOfTheNodePortShouldMoveTheServiceToIt() {
		String id = create(this.mvc, "uneven-3-1-0");
		String yaml = serviceYaml(id);
		String nodePort = JsonPath.<Object>read(snapshot(this.mvc, id), "$.simulation.service.ports[0].nodePort")
			.toString();
		MvcTestResult moved = edit(id, yaml.replace("nodePort: " + nodePort, "nodePort: 31999"));
		assertThat(moved).hasStatus(HttpStatus.OK);
		assertThat(moved).bodyJson().extractingPath("$.released").asArray().containsExactly(Integer.valueOf(nodePort));
		assertThat(moved).bodyJson().extractingPath("$.allocated").asArray().containsExactly(31999);
		assertThat(JsonPath.<Integer>read(snapshot(this.mvc, id), "$.simulation.service.ports[0].nodePort"))
			.isEqualTo(31999);
	}

	@Test
	void editOfAnImmutableFieldShouldBeRefusedWordForWordAndChangeNothing() {
		String id = create(this.mvc, "uneven-3-1-0");
		String yaml = serviceYaml(id);
		int port = healthCheckNodePort(id);
		int other = (port == 32000) ? 32001 : 32000;
		assertEditRefused(id,
				(service) -> service.replace("healthCheckNodePort: " + port, "healthCheckNodePort: " + other),
				HttpStatus.UNPROCESSABLE_CONTENT)
			.isEqualTo("Service \"web\" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable");
		assertThat(this.registry.get(id).manifests()).contains(yaml);
	}

	@Test
	void badYamlShouldNameTheLineAndChangeNothing() {
		String id = create(this.mvc, "uneven-3-1-0");
		String manifests = this.registry.get(id).manifests();
		assertEditRefused(id, (service) -> service.replace("spec:\n", "spec:\n  ports: [\n"), HttpStatus.BAD_REQUEST)
			.contains("line ");
		assertThat(this.registry.get(id).manifests()).isEqualTo(manifests);
	}

	@Test
	void aTypeChangeShouldBeRefusedNamingTheFieldTheSandboxCannotFollow() {
		String id = create(this.mvc, "uneven-3-1-0");
		assertEditRefused(id, (service) -> service.replace("type: LoadBalancer", "type: NodePort"),
				HttpStatus.BAD_REQUEST)
			.contains("cannot follow a change to spec.type")
			.contains("spec.externalTrafficPolicy");
	}

	@Test
	void anotherServiceOrMoreObjectsShouldBeRefused() {
		String id = create(this.mvc, "uneven-3-1-0");
		assertEditRefused(id, (service) -> service.replace("name: web", "name: shop"), HttpStatus.BAD_REQUEST)
			.startsWith("The sandbox follows Service default/web; it cannot edit Service default/shop.");
		assertEditRefused(id, (service) -> service + "---\n" + service, HttpStatus.BAD_REQUEST)
			.startsWith("Send exactly one object");
	}

	@Test
	void anUnchangedServiceShouldChangeNothing() {
		String id = create(this.mvc, "uneven-3-1-0");
		String yaml = serviceYaml(id);
		assertThat(edit(id, yaml)).hasStatus(HttpStatus.OK);
		assertThat(serviceYaml(id)).isEqualTo(yaml);
	}

	@Test
	void theEditedServiceShouldSurviveAPermalink() {
		String id = create(this.mvc, "uneven-3-1-0");
		String yaml = serviceYaml(id);
		assertThat(edit(id, yaml.replace("externalTrafficPolicy: Local", "externalTrafficPolicy: Cluster")
			.replace("sessionAffinity: None", "sessionAffinity: ClientIP"))).hasStatus(HttpStatus.OK);
		String url = JsonPath.read(body(this.mvc.get().uri("/api/v1/sandboxes/" + id + "/permalink").exchange()),
				"$.url");
		String copy = createAt(this.mvc, "/api/v1/sandboxes?s=" + url.substring(url.indexOf("?s=") + 3));
		String snapshot = snapshot(this.mvc, copy);
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.externalTrafficPolicy")).isEqualTo("Cluster");
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.sessionAffinity")).isEqualTo("ClientIP");
		assertThat(healthCheckNodePort(copy)).isZero();
	}

	@Test
	void anEmptyBodyShouldBeRefused() {
		String id = create(this.mvc, "uneven-3-1-0");
		assertThat(edit(id, "")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private MvcTestResult edit(String id, String yaml) {
		return this.mvc.put()
			.uri("/api/v1/sandboxes/" + id + "/service")
			.contentType("application/yaml")
			.content(yaml)
			.exchange();
	}

	/**
	 * Sends the sandbox's Service as {@code edit} changes it: the edit is refused with
	 * {@code status} and the Service stays as it was. The returned assertion is on the
	 * refusal's first error.
	 */
	private AbstractStringAssert<?> assertEditRefused(String id, UnaryOperator<String> edit, HttpStatus status) {
		String yaml = serviceYaml(id);
		AbstractStringAssert<?> refusal = assertRefused(edit(id, edit.apply(yaml)), status);
		assertThat(serviceYaml(id)).isEqualTo(yaml);
		return refusal;
	}

	private String serviceYaml(String id) {
		return JsonPath.read(snapshot(this.mvc, id), "$.serviceYaml");
	}

	private int healthCheckNodePort(String id) {
		return JsonPath.<Integer>read(snapshot(this.mvc, id), "$.simulation.service.healthCheckNodePort");
	}

}
