package io.trafficlab.sandbox;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.simulation.SimulatedBalancers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.sandbox.SandboxApi.assertUnknownValueRefused;
import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.createAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's load balancer and dataplane: the commands, their 400s, the snapshot, the
 * statistics' exact column and permalinks.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxLoadBalancerChoiceTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void snapshotShouldNameTheDefaultLoadBalancerAndDataplane() {
		String id = createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		String snapshot = body(this.mvc.get().uri("/api/v1/sandboxes/" + id + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancerKind")).isEqualTo("aws-nlb-instance");
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancerName"))
			.isEqualTo("AWS NLB (instance targets)");
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.dataplane")).isEqualTo("kube-proxy");
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.settings.kind")).isEqualTo("aws-nlb-instance");
	}

	@Test
	void unknownValuesShouldBeA400NamingTheAllowedOnes() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		assertUnknownValueRefused(this.mvc, api + "/load-balancer/kind?value=nlb",
				"aws-clb, aws-nlb-instance, aws-nlb-ip, azure, generic, gke-passthrough, metallb-bgp, metallb-l2");
		assertUnknownValueRefused(this.mvc, api + "/dataplane?value=cilium", "cilium-dsr, cilium-snat, kube-proxy");
	}

	@Test
	void aLoadBalancerTheSimulationDoesNotModelShouldBeAClear400() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		MvcTestResult result = this.mvc.put().uri(api + "/load-balancer/kind?value=generic").exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(result)).contains(
				"The sandbox models aws-nlb-instance, aws-nlb-ip, aws-clb, gke-passthrough, azure, metallb-l2, metallb-bgp for now, not generic");
		String snapshot = body(this.mvc.get().uri(api + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancerKind")).isEqualTo("aws-nlb-instance");
	}

	@Test
	void everyLoadBalancerTheSimulationModelsShouldBeAWorkingChoiceOfThePlayground() {
		String page = body(this.mvc.get().uri("/").exchange());
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		for (LoadBalancerKind kind : SimulatedBalancers.MODELLED) {
			assertThat(page).as(kind.apiName())
				.contains(kind.label() + "</option>")
				.doesNotContain(kind.label() + " (analyzer only)");
			assertThat(this.mvc.put().uri(api + "/load-balancer/kind?value=" + kind.apiName()))
				.hasStatus(HttpStatus.NO_CONTENT);
			String snapshot = body(this.mvc.get().uri(api + "/snapshot").exchange());
			assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancerKind")).isEqualTo(kind.apiName());
			assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancerName")).isEqualTo(kind.label());
			assertThat(this.mvc.get().uri(api + "/statistics")).hasStatus(HttpStatus.OK);
		}
		// generic, the API's R20 model, is not a choice of the playground
		assertThat(page).doesNotContain(LoadBalancerKind.GENERIC.label());
	}

	@Test
	void theCommandsShouldAnswerWithTheirIds() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		assertThat(this.mvc.put().uri(api + "/load-balancer/kind?value=aws-nlb-instance"))
			.hasStatus(HttpStatus.NO_CONTENT);
		MvcTestResult dataplane = this.mvc.put().uri(api + "/dataplane?value=cilium-snat").exchange();
		assertThat(dataplane).hasStatus(HttpStatus.NO_CONTENT);
		String snapshot = body(this.mvc.get().uri(api + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.dataplane")).isEqualTo("cilium-snat");
	}

	@Test
	void theExactSourcesShouldFollowTheDataplane() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		this.mvc.post().uri(api + "/pause").exchange();
		this.mvc.put().uri(api + "/service/external-traffic-policy?value=Cluster").exchange();
		assertThat(sourceKinds(api)).contains("internal-ip");
		assertThat(this.mvc.put().uri(api + "/dataplane?value=cilium-dsr")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.post().uri(api + "/statistics/reset")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(sourceKinds(api)).containsOnly("client");
	}

	@Test
	void permalinkShouldCarryTheLoadBalancerAndDataplane() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		assertThat(this.mvc.put().uri(api + "/dataplane?value=cilium-dsr")).hasStatus(HttpStatus.NO_CONTENT);
		String url = JsonPath.read(body(this.mvc.get().uri(api + "/permalink").exchange()), "$.url");
		assertThat(
				JsonPath.<Boolean>read(body(this.mvc.get().uri(api + "/permalink").exchange()), "$.changedSinceStart"))
			.isTrue();
		String copy = createAt(this.mvc, "/api/v1/sandboxes?s=" + url.substring(url.indexOf("?s=") + 3));
		String snapshot = body(this.mvc.get().uri("/api/v1/sandboxes/" + copy + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.dataplane")).isEqualTo("cilium-dsr");
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancerKind")).isEqualTo("aws-nlb-instance");
	}

	private List<String> sourceKinds(String api) {
		String statistics = body(this.mvc.get().uri(api + "/statistics").exchange());
		List<Map<String, Object>> sources = JsonPath.read(statistics, "$.statistics.pods[*].sources[*]");
		assertThat(sources).isNotEmpty();
		return sources.stream().map((source) -> String.valueOf(source.get("kind"))).distinct().toList();
	}

}
