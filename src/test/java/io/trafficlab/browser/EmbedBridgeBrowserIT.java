package io.trafficlab.browser;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embed's postMessage API seen from a docs page on another origin: the host page
 * frames {@code /embed?preset=uneven-3-1-0&run=1}, records every message the frame posts
 * in {@code window.__got}, and sends commands. Once unsandboxed, once in a frame
 * sandboxed with {@code allow-scripts} only (an opaque origin).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbedBridgeBrowserIT extends BrowserTest {

	private static final String EMBED = "/embed?preset=uneven-3-1-0&run=1";

	/** What the frame posted, strings (Embedly's format) as {text: …}. */
	private static final String GOT = "return window.__got.map((m) => typeof m === 'string' ? {text: m} : m)";

	private HostPage host;

	@AfterEach
	void closeHost() {
		if (this.host != null) {
			this.host.close();
		}
	}

	@Test
	void aHostPageOnAnotherOriginShouldDriveTheEmbedAndHearItsEvents() {
		talkToTheEmbed("");
	}

	@Test
	void aFrameSandboxedWithAllowScriptsOnlyShouldDoTheSame() {
		talkToTheEmbed("sandbox=\"allow-scripts\"");
	}

	@Test
	void aChallengeEmbedInASandboxedFrameShouldTellItsHostWhenSolved() {
		this.host = HostPage.start();
		String page = this.host
			.serve("/challenge.html",
					hostPage("http://localhost:" + this.port + "/embed?challenge=one-move-equal-shares",
							"sandbox=\"allow-scripts\"")
						.replace("width:900px;height:520px", "width:1024px;height:720px"));
		this.browser = HeadlessChromium.start(1100, 900);
		ChromeDriver driver = this.browser.driver();
		driver.get(page);
		Map<String, Object> card = awaitMessage(driver, (m) -> "ready".equals(m.get("type")));
		assertThat(card).containsEntry("kind", "challenge").containsEntry("started", false);

		driver.switchTo().frame(driver.findElement(By.id("lab")));
		driver.findElement(By.cssSelector("[data-control=embed-start]")).click();
		LabPage.waitForScene(this.browser);
		LabPage.drag(driver, "web-1", "n3");
		driver.switchTo().defaultContent();

		Map<String, Object> solved = awaitMessage(driver, (m) -> "challengeSolved".equals(m.get("type")));
		assertThat(solved).containsEntry("challenge", "one-move-equal-shares").containsEntry("source", "traffic-lab");
		assertNoSevereConsoleEntries();
	}

	private void talkToTheEmbed(String sandboxAttribute) {
		this.host = HostPage.start();
		String page = this.host.serve("/docs.html",
				hostPage("http://localhost:" + this.port + EMBED, sandboxAttribute));
		this.browser = HeadlessChromium.start(1100, 900);
		ChromeDriver driver = this.browser.driver();
		driver.get(page);

		Map<String, Object> ready = awaitMessage(driver,
				(m) -> "ready".equals(m.get("type")) && m.get("started") == Boolean.TRUE);
		assertThat(ready).containsEntry("source", "traffic-lab")
			.containsEntry("version", 1L)
			.containsEntry("kind", "playground");
		assertThat(asList(ready.get("commands"))).contains("hello", "setPolicy", "getState", "loadState");
		assertThat(asList(ready.get("events"))).contains("policyChanged", "stateChanged", "resize");

		send(driver, "{type: 'hello', id: 'h1'}");
		assertThat(awaitMessage(driver, reply("h1"))).containsEntry("ok", true);

		// the preset runs with Local: over to Cluster, then back to Local
		send(driver, "{type: 'setPolicy', policy: 'Cluster', id: 'p0'}");
		assertThat(awaitMessage(driver, reply("p0"))).containsEntry("ok", true);
		awaitMessage(driver, (m) -> "policyChanged".equals(m.get("type")) && "Cluster".equals(m.get("policy")));
		awaitMessage(driver, (m) -> "stateChanged".equals(m.get("type")));
		send(driver, "{type: 'setPolicy', policy: 'Local', id: 'p1'}");
		assertThat(awaitMessage(driver, reply("p1"))).containsEntry("ok", true);
		driver.switchTo().frame(driver.findElement(By.id("lab")));
		this.browser.waitUpTo(LIVE)
			.withMessage(() -> "the embed's scene: " + driver.executeScript(
					"const s = window.__trafficLab.scene(); return s && [s.service.externalTrafficPolicy, s.paused]"))
			.until((d) -> Boolean.TRUE
				.equals(d.findElement(By.cssSelector("[data-control=policy] input[value=Local]")).isSelected()));
		String sandboxId = driver.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		driver.switchTo().defaultContent();
		awaitMessage(driver, (m) -> "policyChanged".equals(m.get("type")) && "Local".equals(m.get("policy")));

		send(driver, "{type: 'getState', id: 'g1'}");
		Map<String, Object> state = asMap(awaitMessage(driver, reply("g1")).get("result"));
		assertThat(state).containsEntry("policy", "Local").containsEntry("paused", false).containsKey("loadBalancer");
		assertThat(String.valueOf(state.get("permalink"))).contains("?s=" + state.get("state"));
		// each policy change is a new state: the last one told is the state getState
		// answers
		Map<String, Object> changed = awaitMessage(driver,
				(m) -> "stateChanged".equals(m.get("type")) && state.get("state").equals(m.get("state")));
		assertThat(changed).containsEntry("permalink", state.get("permalink"));

		send(driver, "{type: 'setPolicy', policy: 'local', id: 'bad'}");
		assertThat(String.valueOf(awaitMessage(driver, (m) -> "error".equals(m.get("type"))).get("message")))
			.contains("\"Cluster\", \"Local\"");

		awaitMessage(driver, (m) -> "resize".equals(m.get("type")));
		// the latest height told: the first came before the page's layout settled
		long height = messages(driver).stream()
			.filter((m) -> "resize".equals(m.get("type")))
			.reduce((first, second) -> second)
			.map((m) -> ((Number) m.get("height")).longValue())
			.orElseThrow();
		assertThat(height).isPositive();
		assertThat(messages(driver)).anyMatch((m) -> "lti.frameResize".equals(m.get("subject")))
			.anyMatch((m) -> String.valueOf(m.get("text")).contains("\"context\":\"iframe.resize\""));
		driver.switchTo().frame(driver.findElement(By.id("lab")));
		driver.executeScript("const more = document.createElement('div'); more.style.height = '400px';"
				+ "document.getElementById('main').append(more);");
		driver.switchTo().defaultContent();
		awaitMessage(driver,
				(m) -> "resize".equals(m.get("type")) && ((Number) m.get("height")).longValue() >= height + 400);

		assertThat(messages(driver).toString()).doesNotContain(Objects.requireNonNull(sandboxId));
		assertNoSevereConsoleEntries();
	}

	private static java.util.function.Predicate<Map<String, Object>> reply(String id) {
		return (m) -> "reply".equals(m.get("type")) && id.equals(m.get("id"));
	}

	private Map<String, Object> awaitMessage(ChromeDriver driver,
			java.util.function.Predicate<Map<String, Object>> wanted) {
		return this.browser.waitUpTo(LIVE)
			.withMessage(() -> "the host page got " + messages(driver))
			.until((d) -> messages(driver).stream().filter(wanted).findFirst().orElse(null));
	}

	private static List<Map<String, Object>> messages(ChromeDriver driver) {
		List<?> got = (List<?>) driver.executeScript(GOT);
		return got.stream().map(EmbedBridgeBrowserIT::asMap).toList();
	}

	private static void send(ChromeDriver driver, String command) {
		driver.executeScript("window.sendToLab(" + command + ")");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> asList(Object value) {
		return (List<Object>) value;
	}

	private static String hostPage(String embed, String sandboxAttribute) {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Docs</title></head>
				<body>
				<h1>A docs page</h1>
				<iframe id="lab" title="Traffic Lab" %s src="%s" style="width:900px;height:520px;border:0"></iframe>
				<script>
				window.__got = [];
				const lab = document.getElementById('lab');
				window.addEventListener('message', (event) => {
					if (event.source === lab.contentWindow) {
						window.__got.push(event.data);
					}
				});
				window.sendToLab = (command) => lab.contentWindow.postMessage(
					Object.assign({source: 'traffic-lab', version: 1}, command), '*');
				</script>
				</body></html>
				""".formatted(sandboxAttribute, embed);
	}

}
