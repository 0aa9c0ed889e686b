package io.trafficlab.challenge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /embed?challenge=…}: the Start card (a link, no sandbox yet), then with
 * {@code run=1} the challenge's panel beside the live sandbox, its checklist polling the
 * challenge's check for that sandbox as the challenge's page does.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChallengeEmbedControllerTests {

	private static final Pattern SANDBOX_ID = Pattern.compile("data-sandbox-id=\"([^\"]+)\"");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Test
	void startCardShouldLinkToTheRunningEmbedAndStartNoSandbox() {
		int live = this.registry.size();
		assertThat(this.mvc.get().uri("/embed?challenge=one-move-equal-shares")).hasStatusOk()
			.hasViewName(ChallengeEmbedController.PAGE)
			.bodyText()
			.contains("data-embed-start", "Challenge: One move to equal shares")
			.contains("<a class=\"embed-start__button\" data-control=\"embed-start\""
					+ " href=\"/embed?challenge=one-move-equal-shares&amp;run=1\">")
			.doesNotContain("<form", "id=\"playground\"", "data-challenge-panel", "site-header", "autofocus");
		assertThat(this.registry.size()).as("the Start card starts no sandbox").isEqualTo(live);
	}

	@Test
	void runningEmbedShouldShowThePanelBesideTheSandboxAndPollItsCheck() throws Exception {
		int live = this.registry.size();
		String page = this.mvc.get()
			.uri("/embed?challenge=one-move-equal-shares&run=1")
			.exchange()
			.getResponse()
			.getContentAsString();
		Matcher id = SANDBOX_ID.matcher(page);
		assertThat(id.find()).as("the page's sandbox root names its sandbox").isTrue();
		String sandbox = id.group(1);
		assertThat(this.registry.find(sandbox)).isPresent();
		assertThat(this.registry.size()).isEqualTo(live + 1);
		assertThat(page).contains("class=\"challenge-layout challenge-layout--embed\"", "id=\"playground\"")
			.contains("data-challenge-panel", "data-challenge-id=\"one-move-equal-shares\"")
			.containsPattern("data-embed-token=\"[A-Za-z0-9_-]{43}\"")
			.contains("One move to equal shares", "Show a hint (1 of 3)")
			.contains("hx-get=\"/challenges/one-move-equal-shares/check?sandbox=" + sandbox + "\"")
			.contains("hx-trigger=\"every 1s, visibilitychange from:document, trafficlab:refresh from:body")
			.contains("2 of 3 conditions hold", "Not yet:")
			.contains("hx-post=\"/api/v1/sandboxes/" + sandbox + "/reset\"")
			.contains("href=\"/challenges/one-move-equal-shares\" target=\"_blank\" rel=\"noopener\"",
					"Open this challenge in Traffic Lab ↗")
			.contains("data-control=\"fullscreen\" hidden")
			.doesNotContain("data-create=", "data-control=\"open-room\"", "site-header", "autofocus",
					"Starting the sandbox…", "Solved!");
		// the check the embed polls answers for its sandbox, as on the challenge's page
		assertThat(this.mvc.get().uri("/challenges/one-move-equal-shares/check?sandbox=" + sandbox)).hasStatusOk()
			.bodyText()
			.contains("2 of 3 conditions hold");
		this.registry.end(sandbox);
	}

	@Test
	void unknownChallengeShouldBeA404() {
		assertThat(this.mvc.get().uri("/embed?challenge=nope")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("There is no challenge called “nope”");
		assertThat(this.mvc.get().uri("/embed?challenge=nope&run=1")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void embedShouldBeFramableAnywhere() {
		assertThat(this.mvc.get()
			.uri("/embed?challenge=one-move-equal-shares")
			.exchange()
			.getResponse()
			.getHeader("Content-Security-Policy")).endsWith("; frame-ancestors *");
	}

}
