package io.trafficlab.sandbox;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.trafficlab.sandbox.SandboxApi.assertUnknownValueRefused;
import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.createAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's pod network: the command, its 400, the snapshot, the sources the
 * statistics name and permalinks. The 3/1/0 preset under {@code Cluster}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxNetworkTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void snapshotShouldNameTheBridgeNetworkByDefault() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		String snapshot = body(this.mvc.get().uri(api + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.network")).isEqualTo("bridge");
	}

	@Test
	void anUnknownNetworkShouldBeA400NamingTheAllowedOnes() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		assertUnknownValueRefused(this.mvc, api + "/network?value=flannel", "bridge, overlay, vpc");
	}

	@Test
	void theSourcesShouldFollowTheNetwork() {
		String api = clusterSandbox();
		assertThat(sourceKinds(api)).containsOnly("pod-gateway", "internal-ip");
		assertThat(this.mvc.put().uri(api + "/network?value=overlay")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.post().uri(api + "/statistics/reset")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(sourceKinds(api)).containsOnly("pod-gateway", "tunnel");
		assertThat(this.mvc.put().uri(api + "/network?value=vpc")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.post().uri(api + "/statistics/reset")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(sourceKinds(api)).containsOnly("internal-ip");
		String snapshot = body(this.mvc.get().uri(api + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.network")).isEqualTo("vpc");
	}

	@Test
	void permalinkAndExportShouldCarryTheNetwork() {
		String api = clusterSandbox();
		assertThat(this.mvc.put().uri(api + "/network?value=overlay")).hasStatus(HttpStatus.NO_CONTENT);
		String url = JsonPath.read(body(this.mvc.get().uri(api + "/permalink").exchange()), "$.url");
		String copy = createAt(this.mvc, "/api/v1/sandboxes?s=" + url.substring(url.indexOf("?s=") + 3));
		String snapshot = body(this.mvc.get().uri("/api/v1/sandboxes/" + copy + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.network")).isEqualTo("overlay");
		assertThat(body(this.mvc.get().uri(api + "/manifests").exchange()))
			.contains("# Pod network: overlay (overlay (flannel VXLAN))");
	}

	private String clusterSandbox() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		this.mvc.post().uri(api + "/pause").exchange();
		assertThat(this.mvc.put().uri(api + "/service/external-traffic-policy?value=Cluster"))
			.hasStatus(HttpStatus.NO_CONTENT);
		return api;
	}

	/** The kinds of the addresses the statistics name, exact and observed. */
	private List<String> sourceKinds(String api) {
		String statistics = body(this.mvc.get().uri(api + "/statistics").exchange());
		List<Map<String, Object>> sources = JsonPath.read(statistics, "$.statistics.pods[*].sources[*]");
		assertThat(sources).isNotEmpty();
		return sources.stream().map((source) -> String.valueOf(source.get("kind"))).distinct().toList();
	}

}
