package io.trafficlab.sandbox;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.createAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET .../rules} and {@code .../rules/path}: a node's kube-proxy rules as of its
 * last sync, and a connection's path through them, with their 400s and 404. The 3/1/0
 * preset (Local): web-1..3 on n1, web-4 on n2, none on n3.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxRulesTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void iptablesRulesOfTheServiceShouldBeChainsAndText() {
		String api = sandbox();
		MvcTestResult result = this.mvc.get().uri(api + "/rules?node=n3").exchange();
		assertThat(result).hasStatusOk();
		String json = body(result);
		assertThat(JsonPath.<String>read(json, "$.mode")).isEqualTo("iptables");
		assertThat(JsonPath.<String>read(json, "$.node")).isEqualTo("n3");
		assertThat(JsonPath.<Number>read(json, "$.generation").longValue()).isPositive();
		assertThat(JsonPath.<Number>read(json, "$.syncedAt").longValue()).isZero();
		String text = JsonPath.read(json, "$.text");
		assertThat(text).startsWith("*filter\n")
			.contains("*nat\n", "-A KUBE-EXT-",
					"\"default/web:http has no local endpoints\" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport")
			.doesNotContain("KUBE-SVL-")
			.endsWith("COMMIT\n");
		assertThat(JsonPath.<List<String>>read(json, "$.chains[*].table")).contains("filter", "nat");
		assertThat(JsonPath.<List<String>>read(json, "$.chains[*].name")).contains("KUBE-SERVICES", "KUBE-NODEPORTS");
		List<String> rules = JsonPath.read(json, "$.chains[*].rules[*]");
		assertThat(rules).allSatisfy((rule) -> assertThat(text).contains(rule));
	}

	@Test
	void nftablesAndEveryServiceShouldBeChoices() {
		String api = sandbox();
		String nft = body(this.mvc.get().uri(api + "/rules?node=n1&mode=nftables").exchange());
		assertThat(JsonPath.<String>read(nft, "$.mode")).isEqualTo("nftables");
		assertThat(JsonPath.<String>read(nft, "$.text")).contains("add table ip kube-proxy");
		MvcTestResult all = this.mvc.get().uri(api + "/rules?node=n1&scope=all").exchange();
		assertThat(all).hasStatusOk();
		assertThat(JsonPath.<String>read(body(all), "$.text")).contains("-j KUBE-SVL-", "KUBE-SVC-");
	}

	@Test
	void aConnectionsPathShouldEndAtItsPodThroughTheLocalChain() {
		String api = sandbox();
		String snapshot = SandboxApi.snapshot(this.mvc, api.substring(api.lastIndexOf('/') + 1));
		String client = JsonPath.read(snapshot, "$.simulation.settings.clientIps[0]");
		String pod = JsonPath.<List<String>>read(snapshot, "$.simulation.pods[?(@.node == 'n1')].ip").get(0);
		MvcTestResult result = this.mvc.get()
			.uri(api + "/rules/path?node=n1&clientIp=" + client + "&podIp=" + pod)
			.exchange();
		assertThat(result).hasStatusOk();
		String json = body(result);
		assertThat(JsonPath.<String>read(json, "$.verdict")).isEqualTo("DNAT");
		assertThat(JsonPath.<String>read(json, "$.dnatTo")).startsWith(pod + ":");
		assertThat(JsonPath.<Boolean>read(json, "$.masquerade")).isFalse();
		List<String> chains = JsonPath.read(json, "$.rules[*].chain");
		assertThat(chains).anyMatch((chain) -> chain.startsWith("KUBE-SVL-"))
			.anyMatch((chain) -> chain.startsWith("KUBE-SEP-"));
		assertThat(JsonPath.<List<String>>read(json, "$.rules[*].rule")).last().asString().contains(pod);
	}

	@Test
	void badParametersShouldBe400sNamingThem() {
		String api = sandbox();
		assertRefused(api + "/rules", HttpStatus.BAD_REQUEST,
				"Query parameter 'node' is required; use one of: n1, n2, n3.");
		assertRefused(api + "/rules?node=n9", HttpStatus.BAD_REQUEST, "There is no node \"n9\" (nodes: n1, n2, n3).");
		assertRefused(api + "/rules?node=n1&mode=ipvs", HttpStatus.BAD_REQUEST,
				"Query parameter 'mode' must be one of: iptables, nftables (got \"ipvs\").");
		assertRefused(api + "/rules?node=n1&scope=some", HttpStatus.BAD_REQUEST,
				"Query parameter 'scope' must be one of: all, service (got \"some\").");
		assertRefused(api + "/rules/path?node=n1&podIp=10.244.1.10", HttpStatus.BAD_REQUEST,
				"Query parameter 'clientIp' is required");
		assertRefused(api + "/rules/path?node=n1&clientIp=203.0.113.10", HttpStatus.BAD_REQUEST,
				"Query parameter 'podIp' is required");
		assertRefused("/api/v1/sandboxes/nope/rules?node=n1", HttpStatus.NOT_FOUND, "There is no sandbox \"nope\"");
	}

	private void assertRefused(String uri, HttpStatus status, String message) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatus(status);
		assertThat(body(result)).contains(message.replace("\"", "\\\""));
	}

	private String sandbox() {
		String api = "/api/v1/sandboxes/" + createAt(this.mvc, "/api/v1/sandboxes?seed=1&preset=uneven-3-1-0");
		this.mvc.post().uri(api + "/pause").exchange();
		return api;
	}

}
