package io.trafficlab.api;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RulesApiController} and the trace's {@code rules}: kube-proxy's
 * iptables rules for the §8 cluster (3/1/0 pods, Local), as text and as JSON, and every
 * error status.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RulesApiControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void rulesShouldBeIptablesRestoreTextByDefault() {
		assertThat(rules("node=n3")).hasStatusOk()
			.hasContentType("text/plain;charset=UTF-8")
			.bodyText()
			.startsWith("*filter\n:KUBE-NODEPORTS - [0:0]\n")
			.contains("-A KUBE-EXTERNAL-SERVICES -m comment --comment \"default/web has no local endpoints\"",
					"-j DROP", "*nat\n", "-m statistic --mode random --probability 0.2500000000")
			.endsWith("COMMIT\n");
	}

	@Test
	void rulesShouldBeChainsUnderAcceptJson() {
		var json = assertThat(rules("node=n1&mode=iptables").accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson();
		json.extractingPath("$.mode").isEqualTo("iptables");
		json.extractingPath("$.node").isEqualTo("n1");
		json.extractingPath("$.chains[0].table").isEqualTo("filter");
		json.extractingPath("$.chains[0].name").isEqualTo("KUBE-NODEPORTS");
		json.extractingPath("$.chains[*].name")
			.asArray()
			.anySatisfy((name) -> assertThat(name).asString().startsWith("KUBE-SVL-"));
	}

	@Test
	void rulesForOneServiceShouldKeepTheSharedChains() {
		assertThat(rules("node=n1&service=web")).hasStatusOk().bodyText().contains("default/web", "KUBE-MARK-MASQ");
	}

	@Test
	void unknownModeShouldBeRefusedNamingTheChoices() {
		assertRefused(rules("node=n1&mode=ipvs"), HttpStatus.BAD_REQUEST).contains("'mode'", "iptables", "nftables");
	}

	@Test
	void nftablesShouldAnswerItsTransaction() {
		assertThat(rules("node=n1&mode=nftables")).hasStatusOk().bodyText().contains("add table ip kube-proxy");
	}

	@Test
	void missingOrUnknownNodeShouldBeRefused() {
		assertRefused(rules(""), HttpStatus.BAD_REQUEST).contains("'node'", "n1");
		assertRefused(rules("node=n9"), HttpStatus.BAD_REQUEST).contains("'node'", "n9");
	}

	@Test
	void unknownServiceShouldBeRefused() {
		assertRefused(rules("node=n1&service=shop"), HttpStatus.BAD_REQUEST).contains("'service'", "default/web");
	}

	@Test
	void badClusterCidrShouldBeRefused() {
		assertRefused(rules("node=n1&clusterCidr=10.244.0.0"), HttpStatus.BAD_REQUEST).contains("'clusterCidr'");
	}

	@Test
	void unsupportedMediaTypeShouldAnswer415() {
		assertThat(this.mvc.post().uri("/api/v1/rules?node=n1").contentType(MediaType.TEXT_PLAIN).content("x"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void invalidObjectShouldAnswer422() {
		assertThat(rules("node=n1", TestManifests.clusterIpWithLocalPolicy()))
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void bodyOverTheLimitShouldAnswer413() {
		String huge = "#" + "x".repeat(17 * 1024 * 1024);
		assertThat(rules("node=n1", huge)).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);
	}

	@Test
	void traceRulesShouldAgreeWithItsVerdict() {
		var dropped = assertThat(trace("node=n3&from=external&to=nodePort")).hasStatusOk().bodyJson();
		dropped.extractingPath("$.verdict").isEqualTo("DROP");
		dropped.extractingPath("$.rules[-1:].rule")
			.asArray()
			.singleElement()
			.asString()
			.startsWith("-A KUBE-EXTERNAL-SERVICES")
			.endsWith("-j DROP");
		var dnat = assertThat(trace("node=n1&from=external&to=loadBalancerIP")).hasStatusOk().bodyJson();
		dnat.extractingPath("$.verdict").isEqualTo("DNAT");
		dnat.extractingPath("$.rules[0].chain").isEqualTo("KUBE-SERVICES");
		dnat.extractingPath("$.rules[*].chain")
			.asArray()
			.anySatisfy((chain) -> assertThat(chain).asString().startsWith("KUBE-SVL-"));
		dnat.extractingPath("$.rules[-1:].rule")
			.asArray()
			.singleElement()
			.asString()
			.contains("-j DNAT --to-destination 10.244.1.");
		var pod = assertThat(trace("node=n3&from=pod&to=loadBalancerIP")).hasStatusOk().bodyJson();
		pod.extractingPath("$.rules[*].rule")
			.asArray()
			.anySatisfy((rule) -> assertThat(rule).asString().contains("pod traffic for default/web"));
		var rejected = assertThat(trace("node=n1&from=external&to=nodePort", TestManifests.uneven310WithoutPods()))
			.hasStatusOk()
			.bodyJson();
		rejected.extractingPath("$.verdict").isEqualTo("REJECT");
		rejected.extractingPath("$.rules[-1:].rule").asArray().singleElement().asString().endsWith("-j REJECT");
	}

	@Test
	void traceWithNftablesModeShouldWalkItsRules() {
		var walked = assertThat(trace("node=n1&from=external&to=nodePort&mode=nftables")).hasStatusOk().bodyJson();
		walked.extractingPath("$.verdict").isEqualTo("DNAT");
		walked.extractingPath("$.rules[0].rule").asString().startsWith("add rule ip kube-proxy");
		assertRefused(trace("node=n1&from=external&to=nodePort&mode=pf"), HttpStatus.BAD_REQUEST).contains("'mode'");
	}

	private MockMvcRequestBuilder rules(String query) {
		return rules(query, TestManifests.uneven310());
	}

	private MockMvcRequestBuilder rules(String query, String manifests) {
		return this.mvc.post().uri("/api/v1/rules?" + query).contentType("application/yaml").content(manifests);
	}

	private MockMvcRequestBuilder trace(String query) {
		return trace(query, TestManifests.uneven310());
	}

	private MockMvcRequestBuilder trace(String query, String manifests) {
		return this.mvc.post().uri("/api/v1/trace?" + query).contentType("application/yaml").content(manifests);
	}

}
