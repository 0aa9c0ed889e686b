package io.trafficlab.lesson;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.teaching.LessonCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lesson pages: the index, a step page and its sandbox, answers (the reveal
 * reaches the sandbox), the terminal, the embed, and clear 404 and 400 answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LessonPageControllerTests {

	private static final Pattern CREATE = Pattern.compile("data-create=\"([^\"]+)\"");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Autowired
	private LessonCatalog catalog;

	@Test
	void indexListsEveryLessonWithItsFirstStep() throws Exception {
		var body = assertThat(this.mvc.get().uri("/lessons")).hasStatusOk()
			.hasViewName(LessonPageController.INDEX)
			.bodyText();
		this.catalog.all().forEach((lesson) -> body.contains("href=\"/lessons/" + lesson.id() + "/1\""));
		body.contains("The uneven-distribution problem");
	}

	@Test
	void aLessonRedirectsToItsFirstStep() throws Exception {
		assertThat(this.mvc.get().uri("/lessons/uneven-distribution")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/lessons/uneven-distribution/1");
	}

	@Test
	void aStepPageStartsASandboxInTheStepsStateAndHidesTheAnswer() throws Exception {
		int live = this.registry.size();
		var result = this.mvc.get().uri("/lessons/uneven-distribution/1").exchange();
		assertThat(result).hasStatusOk().hasViewName(LessonPageController.STEP);
		String body = result.getResponse().getContentAsString();
		assertThat(body).contains("Step <span>1</span> of <span>4</span>")
			.contains("id=\"playground\"")
			.doesNotContain("data-control=\"open-room\"", "data-part=\"room-banner\"")
			.contains("<code>web-4</code>")
			.contains("href=\"/lessons/uneven-distribution/2\"")
			.contains("hx-post=\"/lessons/uneven-distribution/1/questions/1\"")
			.doesNotContain("choice--correct")
			.doesNotContain("three times");
		// the page's script creates the sandbox, the GET none
		assertThat(this.registry.size()).isEqualTo(live);
		assertThat(body).contains("data-create=\"/api/v1/lessons/uneven-distribution/1/sandbox\"")
			.contains("<input type=\"hidden\" name=\"sandbox\" value=\"pending\">")
			.doesNotContain("data-sandbox-id=");
		Sandbox sandbox = sandbox(body);
		assertThat(sandbox.snapshot().simulation().service().externalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
	}

	@Test
	void answeringAppliesTheRevealAndShowsTheExplanation() throws Exception {
		String page = page("/lessons/uneven-distribution/1");
		Sandbox sandbox = sandbox(page);

		var answer = assertThat(this.mvc.post()
			.uri("/lessons/uneven-distribution/1/questions/1")
			.header("HX-Request", "true")
			.param("choice", "1")
			.param("sandbox", sandbox.id())).hasStatusOk().bodyText();
		answer.contains("Not quite.")
			.contains("data-verdict=\"wrong\"")
			.contains("<strong>three times</strong>")
			.contains("choice--correct")
			.contains("your answer")
			.doesNotContain("<form");
		assertThat(sandbox.snapshot().simulation().service().externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
	}

	@Test
	void theRightAnswerSaysSo() throws Exception {
		assertThat(this.mvc.post().uri("/lessons/uneven-distribution/1/questions/1").param("choice", "3")).hasStatusOk()
			.bodyText()
			.contains("<strong>Right.</strong>")
			.contains("This step&#39;s sandbox has ended");
	}

	@Test
	void aBadAnswerIsA400ThatKeepsTheForm() throws Exception {
		assertThat(this.mvc.post().uri("/lessons/uneven-distribution/1/questions/1").param("choice", "9"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Pick one of the 4 choices, then check it.")
			.contains("<form");
		assertThat(this.mvc.post().uri("/lessons/uneven-distribution/1/questions/1").param("choice", "x"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.mvc.post().uri("/lessons/uneven-distribution/1/questions/1")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void unknownLessonsStepsAndQuestionsAre404PagesThatSayWhich() throws Exception {
		assertThat(this.mvc.get().uri("/lessons/nope/1")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("There is no lesson &quot;nope&quot;. The lessons are listed at /lessons.");
		assertThat(this.mvc.get().uri("/lessons/uneven-distribution/9")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("has no step 9; its steps are 1 to 4.");
		assertThat(this.mvc.get().uri("/lessons/uneven-distribution/zero")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/lessons/uneven-distribution/0")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/lessons/uneven-distribution/1/questions/2").param("choice", "1"))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("has no question 2");
		assertThat(this.mvc.get().uri("/embed?lesson=nope")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aStepNamesItsOwnClusterForTheCanvasTitleNotTheLearnersManifests() throws Exception {
		String page = page("/lessons/fixing-uneven-load/1");
		assertThat(page).contains("data-start-title=\"Spread the pods with topologySpreadConstraints\"")
			.contains("data-start-description=\"Fixing it: spread, weight, or Cluster, step 1 of 6\"");
	}

	@Test
	void theTerminalShowsKubeProxysAnswerFromTheSandbox() throws Exception {
		String page = page("/lessons/local-health-check/1");
		Sandbox sandbox = sandbox(page);
		int port = sandbox.statistics().statistics().exact().service().healthCheckNodePort();
		// the step's terminal runs once the page's script has created the sandbox
		assertThat(page).contains("hx-get=\"/lessons/local-health-check/1/curl?sandbox=pending&amp;node=n1\"")
			.contains("hx-trigger=\"trafficlab:sandbox-ready from:body\"");
		assertThat(terminal(sandbox, "node=n1")).hasStatusOk()
			.bodyText()
			.contains("$ curl -i http://192.168.0.11:" + port
					+ "/healthz\nHTTP/1.1 200 OK\nContent-Type: application/json\n")
			// Go writes the handler's headers sorted, then the Date and Content-Length it
			// adds
			.containsPattern("X-Load-Balancing-Endpoint-Weight: 1\n"
					+ "Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\n"
					+ "Content-Length: \\d+\n\n\\{\n\t&quot;service&quot;: \\{");

		assertThat(terminal(sandbox, "node=n3")).hasStatusOk()
			.bodyText()
			.contains("HTTP/1.1 503 Service Unavailable")
			.contains("&quot;localEndpoints&quot;: 0,");
		assertThat(this.mvc.get().uri("/lessons/local-health-check/1/curl?sandbox=" + sandbox.id() + "&node=n9"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("The sandbox has no node &quot;n9&quot; now.");

		sandbox.apply(new SimulationCommand.KillNode("n1"));
		assertThat(terminal(sandbox, "node=n1")).hasStatusOk()
			.bodyText()
			.contains("$ curl -i http://192.168.0.11:" + port + "/healthz")
			.contains("n1 is dead: nothing answers")
			.doesNotContain("HTTP/1.1");
	}

	@Test
	void theTerminalUnderClusterShowsCurlRefusedOnTheReleasedPortInsteadOfFailing() throws Exception {
		String page = page("/lessons/local-health-check/1");
		Sandbox sandbox = sandbox(page);
		int port = sandbox.statistics().statistics().exact().service().healthCheckNodePort();
		assertThat(terminal(sandbox, "node=n1")).bodyText().contains("node=n1&amp;port=" + port);
		sandbox.apply(new SimulationCommand.SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		assertThat(terminal(sandbox, "node=n1&port=" + port)).hasStatusOk()
			.bodyText()
			.contains("$ curl -i http://192.168.0.11:" + port + "/healthz\ncurl: (7) Failed to connect to 192.168.0.11 "
					+ "port " + port + " after 0 ms: Connection refused")
			.contains("kube-proxy has released port " + port)
			.doesNotContain("HTTP/1.1");
		assertThat(terminal(sandbox, "node=n1")).hasStatusOk()
			.bodyText()
			.contains("under externalTrafficPolicy Cluster the Service has no healthCheckNodePort");
	}

	@Test
	void aSharedLinkOpensTheStepWithTheSharedState() throws Exception {
		String broken = "/lessons/uneven-distribution/2?s=not-a-link!";
		assertThat(this.mvc.get().uri(broken)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("This Traffic Lab link is broken")
			.contains("Step <span>2</span> of <span>4</span>");
	}

	@Test
	void theEmbedStartsOnClickAndThenShowsTheStepWithoutTheSiteChrome() throws Exception {
		int before = this.registry.size();
		assertThat(this.mvc.get().uri("/embed?lesson=uneven-distribution&step=3")).hasStatusOk()
			.hasViewName(LessonEmbedController.PAGE)
			.bodyText()
			.contains("data-control=\"embed-start\"")
			.contains("href=\"/embed?lesson=uneven-distribution&amp;step=3&amp;run=1\"")
			.contains("Step 3 of 4: Even counts, even load")
			.doesNotContain("site-header");
		assertThat(this.registry.size()).isEqualTo(before);

		assertThat(this.mvc.get().uri("/embed?lesson=uneven-distribution&step=3&run=1")).hasStatusOk()
			.bodyText()
			.contains("id=\"playground\"")
			.contains("Even counts, even load")
			.contains("href=\"/embed?lesson=uneven-distribution&amp;step=4&amp;run=1\"")
			.containsPattern("data-embed-token=\"[A-Za-z0-9_-]{43}\"")
			.doesNotContain("site-header");
		assertThat(this.mvc.get()
			.uri("/embed?lesson=uneven-distribution&step=3")
			.exchange()
			.getResponse()
			.getHeader("Content-Security-Policy")).startsWith("default-src 'self';").endsWith("; frame-ancestors *");
	}

	/** The health-check step's terminal, as htmx asks: curl on a node of the sandbox. */
	private MockMvcRequestBuilder terminal(Sandbox sandbox, String query) {
		return this.mvc.get()
			.uri("/lessons/local-health-check/1/curl?sandbox=" + sandbox.id() + "&" + query)
			.header("HX-Request", "true");
	}

	/** The page's HTML. */
	private String page(String uri) throws Exception {
		return this.mvc.get().uri(uri).exchange().getResponse().getContentAsString();
	}

	/**
	 * Creates the step's sandbox as the page's script does (its data-create), and answers
	 * it.
	 */
	private Sandbox sandbox(String body) throws Exception {
		Matcher matcher = CREATE.matcher(body);
		assertThat(matcher.find()).isTrue();
		var created = this.mvc.post().uri(matcher.group(1).replace("&amp;", "&")).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		return this.registry.find(id).orElseThrow();
	}

}
