package io.trafficlab.analyzer;

import io.trafficlab.TestManifests;
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
		assertThat(this.mvc.post()
			.uri("/analyze")
			.header("HX-Request", "true")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("manifests", TestManifests.uneven310())
			.param("lb", "weighted")).hasStatusOk()
			.bodyText()
			.contains("<span class=\"fraction\">1/4</span>")
			.doesNotContain("<span class=\"fraction\">1/6</span>");
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
		assertThat(this.mvc.post()
			.uri("/analyze")
			.header("HX-Request", "true")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("manifests", TestManifests.uneven310())
			.param("clientIp", "client.example")).hasStatus(HttpStatus.BAD_REQUEST)
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
		assertThat(this.mvc.post()
			.uri("/analyze/trace")
			.header("HX-Request", "true")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("manifests", TestManifests.uneven310())
			.param("traceService", "default/web")
			.param("traceNode", "n1")
			.param("traceFrom", "external")
			.param("traceTo", "loadBalancerIP")
			.param("traceSourceIp", "nowhere")).hasStatus(HttpStatus.BAD_REQUEST)
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
		MockMvcRequestBuilder request = this.mvc.post()
			.uri("/analyze/trace")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("manifests", TestManifests.uneven310())
			.param("traceService", "default/web")
			.param("traceNode", node)
			.param("traceFrom", from)
			.param("traceTo", "loadBalancerIP");
		return htmx ? htmx(request) : request;
	}

	private static MockMvcRequestBuilder htmx(MockMvcRequestBuilder request) {
		return request.header("HX-Request", "true");
	}

	private static String firstManifestLine(ManifestExample example) {
		return example.manifests().lines().filter((line) -> line.startsWith("apiVersion")).findFirst().orElseThrow();
	}

}
