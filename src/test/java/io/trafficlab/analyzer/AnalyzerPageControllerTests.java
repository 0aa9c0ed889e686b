package io.trafficlab.analyzer;

import io.trafficlab.TestManifests;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnalyzerPageController}: every URL as a full page and, with
 * {@code HX-Request}, as the fragment htmx swaps in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnalyzerPageControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ExampleCatalog examples;

	@Test
	void pageShouldRenderTheFormWithHtmxAndTheFrontendBundle() {
		assertThat(this.mvc.get().uri("/analyze")).hasStatusOk()
			.hasViewName(AnalyzerPageController.PAGE)
			.bodyText()
			.contains("<html")
			.contains("<textarea id=\"manifests\"")
			.contains("<label for=\"manifests\">")
			.contains("/webjars/htmx.org/2.0.10/dist/htmx.min.js")
			.contains("type=\"module\" src=\"/js/app.js\"")
			.contains("hx-post=\"/analyze\"")
			.contains("id=\"results\"");
	}

	@Test
	void pageShouldOfferEveryBundledExampleByTitle() {
		var body = assertThat(this.mvc.get().uri("/analyze")).hasStatusOk().bodyText();
		assertThat(this.examples.all()).isNotEmpty();
		this.examples.all()
			.forEach((example) -> body.contains("value=\"" + example.name() + "\"").contains(example.title()));
	}

	@Test
	void pageWhenExampleNamedShouldFillTheTextarea() {
		ManifestExample example = this.examples.all().get(0);
		assertThat(this.mvc.get().uri("/analyze?example=" + example.name())).hasStatusOk()
			.bodyText()
			.contains("<html")
			.contains(firstManifestLine(example));
	}

	@Test
	void exampleWhenHtmxRequestShouldReturnOnlyTheManifestField() {
		ManifestExample example = this.examples.all().get(0);
		assertThat(htmx(this.mvc.get().uri("/analyze/example?example=" + example.name()))).hasStatusOk()
			.hasViewName(AnalyzerPageController.MANIFEST_FIELD)
			.bodyText()
			.doesNotContain("<html")
			.startsWith("<div id=\"manifest-field\"")
			.contains(firstManifestLine(example));
	}

	@Test
	void exampleWhenPlainRequestShouldRedirectToThePage() {
		assertThat(this.mvc.get().uri("/analyze/example?example=uneven-3-1-0")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/analyze?example=uneven-3-1-0");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void analyzeShouldShowTheLonePodsHalfAndTheFailingHealthCheck(boolean htmx) {
		var body = assertThat(analyze(TestManifests.uneven310(), htmx)).hasStatusOk().bodyText();
		body.contains("web-n2-a")
			.contains("<span class=\"fraction\">1/2</span>")
			.contains("<span class=\"fraction\">1/6</span>")
			.contains("503 Service Unavailable")
			.contains("X-Load-Balancing-Endpoint-Weight</span>: 0")
			.contains("<span class=\"ws-tab\" aria-hidden=\"true\">→</span>\t&quot;localEndpoints&quot;: 0,")
			.contains("curl -i http://192.168.0.13:32000/healthz")
			.contains("192.168.0.13");
		if (htmx) {
			body.doesNotContain("<html").startsWith("<section id=\"results\"");
		}
		else {
			body.contains("<html").contains("<textarea id=\"manifests\"");
		}
	}

	@Test
	void analyzeWhenNoEndpointAnywhereShouldSayReadyOrServingTerminating() {
		// R5: a serving endpoint that is neither ready nor terminating is never used, so
		// "serving" alone is wrong
		assertThat(analyze(TestManifests.uneven310WithoutPods(), true)).hasStatusOk()
			.bodyText()
			.contains("serving-terminating anywhere, so every node REJECTs");
	}

	@Test
	void analyzeWhenWeightedShouldGiveEveryPodAQuarter() {
		assertThat(htmx(postUneven310("/analyze", "lb", "weighted"))).hasStatusOk()
			.bodyText()
			.contains("<span class=\"fraction\">1/4</span>")
			.doesNotContain("<span class=\"fraction\">1/6</span>");
	}

	@Test
	void pageShouldAskWhichLoadBalancerAndDataplaneWithTheirSources() {
		var body = assertThat(this.mvc.get().uri("/analyze")).hasStatusOk().bodyText();
		body.contains("<label for=\"loadBalancer\">Which load balancer is in front of your cluster?</label>")
			.contains("<select id=\"loadBalancer\" name=\"loadBalancer\"")
			.contains("<option value=\"generic\" selected=\"selected\">")
			.contains("<label for=\"dataplane\">Dataplane</label>")
			.contains("<option value=\"kube-proxy\" selected=\"selected\">kube-proxy</option>")
			.contains("https://github.com/metallb/metallb/blob/7938d3f89b8bd808dae2e42d97d6ae7e18e9ed54/"
					+ "speaker/layer2_controller.go")
			.contains("<select id=\"lb\" name=\"lb\"");
		for (String id : new String[] { "generic", "aws-nlb-instance", "aws-nlb-ip", "aws-clb", "gke-passthrough",
				"azure", "metallb-l2", "metallb-bgp", "kube-proxy", "cilium-snat", "cilium-dsr" }) {
			body.contains("<option value=\"" + id + "\"").contains("data-choice=\"" + id + "\"");
		}
	}

	@Test
	void pageShouldAskWhichPodNetworkWithBridgeSelected() {
		var body = assertThat(this.mvc.get().uri("/analyze")).hasStatusOk().bodyText();
		body.contains("<label for=\"network\">Pod network</label>")
			.contains("<option value=\"bridge\" selected=\"selected\">Bridge with host routes (kubenet, flannel "
					+ "host-gw)</option>")
			.contains("https://github.com/flannel-io/flannel/blob/v0.28.9/pkg/backend/vxlan/vxlan.go");
		for (String id : new String[] { "bridge", "overlay", "vpc" }) {
			body.contains("<option value=\"" + id + "\"").contains("data-choice=\"" + id + "\"");
		}
	}

	@Test
	void pageWhenSharedOnAnOverlayShouldNameItAndShowTheFlannelAddresses() {
		var body = assertThat(
				this.mvc.get().uri("/analyze?example=uneven-3-1-0-cluster&loadBalancer=generic&network=overlay"))
			.hasStatusOk()
			.bodyText();
		body.contains("<option value=\"overlay\" selected=\"selected\">")
			.contains("<span class=\"summary__network\">Overlay (flannel VXLAN)</span>")
			.contains("10.244.3.0");
	}

	@Test
	void pageWhenQueryNamesAnotherLoadBalancerShouldSelectItAndDisableTheSpreading() {
		assertThat(this.mvc.get().uri("/analyze?loadBalancer=azure&dataplane=cilium-dsr")).hasStatusOk()
			.bodyText()
			.contains("<option value=\"azure\" selected=\"selected\">")
			.contains("<option value=\"cilium-dsr\" selected=\"selected\">")
			.contains("<div class=\"field\" id=\"lb-field\" hidden=\"hidden\">")
			.contains("aria-describedby=\"lb-hint\" disabled=\"disabled\"")
			.contains("Paste manifests or pick an example");
	}

	@Test
	void pageWhenSharedExampleAndLoadBalancerShouldShowMetalLbL2StarvingTheLonePod() {
		var body = assertThat(this.mvc.get().uri("/analyze?example=uneven-3-1-0&loadBalancer=metallb-l2")).hasStatusOk()
			.bodyText();
		body.contains("<span>MetalLB, layer 2</span>")
			.contains("<dd class=\"lb-probe\">does not probe</dd>")
			.contains("<dt>Announcing node (ARP)</dt>")
			.contains("<code>n1</code>")
			.contains("sends nothing here")
			.contains("MetalLB in layer-2 mode sends all of the LB IP&#39;s traffic to the one node");
		assertThat(endpointShare(body.actual(), "web-4")).isEqualTo("0");
		assertThat(endpointShare(body.actual(), "web-1")).isEqualTo("1/3");
	}

	@Test
	void analyzeWhenMetalLbL2On310LocalShouldShowN1AnnouncingAndWeb4WithShareZero() {
		String manifests = this.examples.find("uneven-3-1-0").orElseThrow().manifests();
		var result = assertThat(htmx(this.mvc.post()
			.uri("/analyze")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("manifests", manifests.replace("\n", "\r\n"))
			.param("loadBalancer", "metallb-l2"))).hasStatusOk();
		result.hasHeader("HX-Replace-Url", "/analyze?example=uneven-3-1-0&loadBalancer=metallb-l2");
		String body = result.bodyText().actual();
		assertThat(body).contains("<dd class=\"lb-announcing\">").contains("<code>n1</code>");
		assertThat(endpointShare(body, "web-4")).isEqualTo("0");
	}

	@Test
	void analyzeShouldShowTheProbeAndEveryNodesLbHealthy() {
		var body = analyzedBehind("aws-nlb-instance");
		body.contains("<th role=\"columnheader\" scope=\"col\">LB probe</th>")
			.contains("HTTP GET /healthz on the healthCheckNodePort (port 32000)")
			.contains("every 10 s, timeout 6 s; healthy after 2 passing, unhealthy after 2 failing")
			.contains("<dt>Client address at the node</dt>")
			.contains("kept: the node receives the client’s address")
			.contains("publishes a hostname, not an IP");
		assertThat(body.actual().split("data-label=\"LB probe\"", -1)).hasSize(4);
		assertThat(body.actual()).contains("<span class=\"badge badge--ok\">passes</span>")
			.contains("<span class=\"badge badge--fail\">fails</span>");
	}

	@Test
	void analyzeWithIpTargetsShouldSayThePodReceivesTheLoadBalancersAddress() {
		var body = analyzedBehind("aws-nlb-ip");
		body.contains("<dt>Client address at the pod</dt>")
			.contains("lost: the pod receives the load balancer’s address")
			.doesNotContain("the node receives");
	}

	@Test
	void analyzeWhenMetalLbShouldSayEveryNodeIsNotProbed() {
		var body = analyzedBehind("metallb-bgp");
		body.contains("<dt>Advertising nodes (BGP)</dt>").contains("<span class=\"muted\">not probed</span>");
	}

	@Test
	void analyzeWhenSpreadingGivenWithAnotherLoadBalancerShouldRefuseInTheErrorNotice() {
		assertThat(htmx(postUneven310("/analyze", "lb", "weighted", "loadBalancer", "metallb-l2")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.doesNotContainHeader("HX-Replace-Url")
			.bodyText()
			.contains("<div class=\"notice notice--error\" role=\"alert\">")
			.contains("Choose one load balancer")
			.contains("tunes only the generic load balancer, and metallb-l2 spreads as its controller does");
	}

	@Test
	void analyzeWithoutJavaScriptShouldTakeAnotherLoadBalancerBesideTheFormsDefaultSpreading() {
		// the page's form sends lb=even however the load balancer is chosen, when no
		// script hides the field
		assertThat(postUneven310("/analyze", "lb", "even", "loadBalancer", "metallb-l2")).hasStatusOk()
			.bodyText()
			.contains("<code class=\"lb-facts__id\">metallb-l2</code>");
	}

	@Test
	void theTraceFormShouldStartAtTheNodePortBehindALoadBalancerThatPublishesAHostname() {
		String selected = "<option value=\"%s\" selected=\"selected\">";
		assertThat(postUneven310("/analyze", "loadBalancer", "aws-nlb-instance")).hasStatusOk()
			.bodyText()
			.contains(selected.formatted("nodePort"))
			.doesNotContain(selected.formatted("loadBalancerIP"));
		assertThat(postUneven310("/analyze", "loadBalancer", "metallb-l2")).hasStatusOk()
			.bodyText()
			.contains(selected.formatted("loadBalancerIP"));
	}

	@Test
	void analyzeWhenDefaultsAndPastedManifestsShouldLeaveTheAddressBare() {
		assertThat(analyze(TestManifests.uneven310(), true)).hasStatusOk().hasHeader("HX-Replace-Url", "/analyze");
	}

	@Test
	void traceShouldFollowTheChosenLoadBalancer() {
		assertThat(trace("n1", "external", true).param("loadBalancer", "aws-nlb-instance"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("publishes a hostname, not an IP");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void analyzeWhenYamlIsBrokenShouldShowLineAndColumnInline(boolean htmx) {
		var body = assertThat(analyze("apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n", htmx))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText();
		body.contains("notice--error").containsIgnoringCase("line").containsIgnoringCase("column");
		if (htmx) {
			body.doesNotContain("<html");
		}
	}

	@Test
	void analyzeWhenApiServerWouldRejectShouldShowItsWordsInline() {
		assertThat(analyze(TestManifests.clusterIpWithLocalPolicy(), true)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyText()
			.doesNotContain("<html")
			.contains("Service &quot;web&quot; is invalid: spec.externalTrafficPolicy: Invalid value: "
					+ "&quot;Local&quot;: may only be set for externally-accessible services");
	}

	@Test
	void analyzeWhenNothingPastedShouldAskForManifests() {
		assertThat(analyze("", true)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Paste Kubernetes manifests");
	}

	@Test
	void analyzeWhenClientIpIsNotAnAddressShouldSayItInline() {
		assertThat(htmx(postUneven310("/analyze", "clientIp", "client.example"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("client IP must be an IP address");
	}

	@Test
	void traceWhenHtmxRequestShouldReturnOnlyTheTraceResult() {
		assertThat(trace("n3", "external", true)).hasStatusOk()
			.hasViewName(AnalyzerPageController.TRACE_RESULT)
			.bodyText()
			.doesNotContain("<html")
			.startsWith("<section id=\"trace-result\"")
			.contains(">DROP</span>");
	}

	@Test
	void traceWhenPlainRequestShouldRenderTheAnalysisAndTheTrace() {
		assertThat(trace("n3", "node", false)).hasStatusOk()
			.bodyText()
			.contains("<html")
			.contains("web-n2-a")
			.contains(">DNAT</span>")
			.contains("192.168.0.13")
			.contains("<option value=\"n3\" selected=\"selected\">n3</option>");
	}

	@Test
	void traceWhenSourceIpIsNotAnAddressShouldSayItInline() {
		assertThat(trace("n1", "external", true).param("traceSourceIp", "nowhere")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.startsWith("<section id=\"trace-result\"")
			.contains("source IP must be an IP address");
	}

	private MockMvcRequestBuilder analyze(String manifests, boolean htmx) {
		MockMvcRequestBuilder request = this.mvc.post()
			.uri("/analyze")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("manifests", manifests)
			.param("lb", "even");
		return htmx ? htmx(request) : request;
	}

	private MockMvcRequestBuilder trace(String node, String from, boolean htmx) {
		MockMvcRequestBuilder request = postUneven310("/analyze/trace", "traceService", "default/web", "traceNode",
				node, "traceFrom", from, "traceTo", "loadBalancerIP");
		return htmx ? htmx(request) : request;
	}

	/**
	 * The page's form posting the 3/1/0 manifests to {@code uri}, then parameter names
	 * and values.
	 */
	private MockMvcRequestBuilder postUneven310(String uri, String... parameters) {
		MockMvcRequestBuilder request = this.mvc.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("manifests", TestManifests.uneven310());
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return request;
	}

	/**
	 * The page's results for pods 3/1/0 behind {@code loadBalancer}, as its htmx form
	 * asks.
	 */
	private AbstractStringAssert<?> analyzedBehind(String loadBalancer) {
		return assertThat(htmx(postUneven310("/analyze", "loadBalancer", loadBalancer))).hasStatusOk().bodyText();
	}

	private static MockMvcRequestBuilder htmx(MockMvcRequestBuilder request) {
		return request.header("HX-Request", "true");
	}

	/** The share in the endpoint table's row for {@code pod}. */
	private static String endpointShare(String body, String pod) {
		int row = body.indexOf(">" + pod + "</th>");
		assertThat(row).as("row of " + pod).isPositive();
		String marker = "<span class=\"fraction\">";
		int start = body.indexOf(marker, row) + marker.length();
		return body.substring(start, body.indexOf("</span>", start));
	}

	private static String firstManifestLine(ManifestExample example) {
		return example.manifests().lines().filter((line) -> line.startsWith("apiVersion")).findFirst().orElseThrow();
	}

}
