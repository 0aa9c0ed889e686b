package io.trafficlab.challenge;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
class ChallengePageControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Test
	void indexShouldListEveryChallengeWithItsLink() {
		assertThat(this.mvc.get().uri("/challenges")).hasStatusOk()
			.bodyText()
			.contains("href=\"/challenges/even-load-keep-client-ip\"", "Keep the client IP, share the load")
			.contains("href=\"/challenges/n3-passes-health-check\"", "href=\"/challenges/one-move-equal-shares\"",
					"href=\"/challenges/drain-n1-for-maintenance\"");
	}

	@Test
	void layoutAndPlaygroundShouldLinkToTheChallenges() {
		assertThat(this.mvc.get().uri("/analyze")).bodyText().contains("<a href=\"/challenges\">Challenges</a>");
		assertThat(this.mvc.get().uri("/")).bodyText().contains("href=\"/challenges\">challenge</a>");
	}

	@Test
	void challengePageShouldStartNoSandboxButLetItsScriptCreateOne() throws Exception {
		int live = this.registry.size();
		String page = page("n3-passes-health-check");
		assertThat(page).contains("Make n3 pass the health check", "id=\"playground\"", "data-challenge-panel")
			.doesNotContain("data-control=\"open-room\"", "data-part=\"room-banner\"", "data-sandbox-id=")
			.contains("data-create=\"/api/v1/challenges/n3-passes-health-check/sandbox\"")
			.contains("Starting the sandbox…")
			.contains("hx-get=\"/challenges/n3-passes-health-check/check?sandbox=pending\"")
			.contains("hx-trigger=\"every 1s, visibilitychange from:document, trafficlab:refresh from:body, "
					+ "trafficlab:sandbox-ready from:body\"")
			.contains("hx-post=\"/api/v1/sandboxes/pending/reset\"")
			.doesNotContain("Solved!")
			.contains("Show a hint (1 of 3)");
		assertThat(page).containsPattern("<li hidden>Under Local, kube-proxy");
		assertThat(this.registry.size()).as("a GET starts no sandbox").isEqualTo(live);
	}

	@Test
	void challengeShouldStartASandboxAndShowTheFailingChecklist() throws Exception {
		String id = created("n3-passes-health-check");
		assertThat(this.registry.find(id)).isPresent();
		assertThat(this.mvc.get().uri("/challenges/n3-passes-health-check/check?sandbox=" + id)).hasStatusOk()
			.bodyText()
			.contains("Holds:", "externalTrafficPolicy is Local")
			.contains("Not yet:", "Node n3 passes the load balancer&#39;s health check",
					"n3 fails: its healthCheckNodePort answers 503")
			.contains("1 of 2 conditions hold")
			.contains("hx-trigger=\"every 1s, visibilitychange from:document, trafficlab:refresh from:body")
			.doesNotContain("Solved!");
		assertRefused(this.mvc.post().uri("/api/v1/challenges/nope/sandbox"), HttpStatus.NOT_FOUND)
			.contains("There is no challenge \"nope\"");
	}

	@Test
	void checkShouldFollowTheSandboxAndShowTheSolutionOnceSolved() throws Exception {
		String id = created("one-move-equal-shares");
		assertThat(this.mvc.get().uri("/challenges/one-move-equal-shares/check?sandbox=" + id)).hasStatusOk()
			.bodyText()
			.contains("2 of 3 conditions hold", "shares: 2 × 1/4, 1 × 1/2")
			.doesNotContain("<html", "Solved!");

		this.registry.get(id).apply(new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED));

		assertThat(this.mvc.get().uri("/challenges/one-move-equal-shares/check?sandbox=" + id)).hasStatusOk()
			.bodyText()
			.contains("3 of 3 conditions hold", "shares: 3 × 1/3", "data-achieved=\"true\"", "Solved!")
			.contains("A weighted load balancer also reaches equal shares")
			.doesNotContain("Not yet:");
	}

	@Test
	void checkWhenTheSandboxEndedShouldSaySoAndStopPolling() throws Exception {
		String id = created("one-move-equal-shares");
		this.registry.end(id);

		var result = assertThat(this.mvc.get().uri("/challenges/one-move-equal-shares/check?sandbox=" + id));
		result.hasStatus(HttpStatus.NOT_FOUND);
		result.bodyText().contains("This sandbox has ended").doesNotContain("hx-trigger", "hx-get");
		assertThat(this.mvc.get().uri("/challenges/one-move-equal-shares/check?sandbox=nope"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void checkWithoutASandboxOrForAnUnknownChallengeShouldBeAClearFragment() {
		var missing = assertThat(this.mvc.get().uri("/challenges/one-move-equal-shares/check"));
		missing.hasStatus(HttpStatus.BAD_REQUEST);
		missing.bodyText().contains("Query parameter &#39;sandbox&#39; is required").doesNotContain("<html");

		var unknown = assertThat(this.mvc.get().uri("/challenges/nope/check?sandbox=x"));
		unknown.hasStatus(HttpStatus.NOT_FOUND);
		unknown.bodyText().contains("There is no challenge &quot;nope&quot;");
	}

	@Test
	void unknownChallengeShouldBeA404PageLinkingToTheList() {
		var result = assertThat(this.mvc.get().uri("/challenges/<script>"));
		result.hasStatus(HttpStatus.NOT_FOUND);
		result.bodyText()
			.contains("No such challenge", "&lt;script&gt;", "href=\"/challenges\"")
			.doesNotContain("<script>");
	}

	private String page(String challenge) throws Exception {
		var result = this.mvc.get().uri("/challenges/" + challenge).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Creates the challenge's sandbox as its page's script does, and answers its id. */
	private String created(String challenge) throws Exception {
		var created = this.mvc.post().uri("/api/v1/challenges/" + challenge + "/sandbox").exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(created.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.id");
	}

}
