package io.trafficlab.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page type under the full Content-Security-Policy in Chromium: each one works (the
 * live pages draw their sandbox, the analyzer its share bars) and the console shows no
 * violation and no error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserIT extends BrowserTest {

	/**
	 * Records every violation from the first byte of each page, before the page's own
	 * scripts run.
	 */
	private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
			+ "document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations"
			+ ".push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

	private static final String SCENE_DRAWN = "const lab = window.__trafficLab; const s = lab && lab.scene();"
			+ "return !!(s && s.statistics && s.statistics.pods.length > 0 && lab.firstFrameAt !== null)";

	@Autowired
	private SandboxRegistry sandboxes;

	@Autowired
	private RoomRegistry rooms;

	private final List<String> violations = new ArrayList<>();

	@Test
	void everyPageTypeShouldRunUnderThePolicyWithoutAViolation() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver driver = this.browser.driver();
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
		String origin = "http://localhost:" + this.port;

		visitLive(driver, origin + "/?preset=uneven-3-1-0");
		visitLive(driver, origin + "/lessons/uneven-distribution/1");
		visitLive(driver, origin + "/challenges/one-move-equal-shares");

		driver.get(origin + "/analyze");
		Select picker = new Select(driver.findElement(By.id("example")));
		picker.selectByValue("uneven-3-1-0");
		this.browser.waitUpTo(LIVE)
			.until((d) -> String
				.valueOf(d.findElement(By.cssSelector("textarea[name=manifests]")).getDomProperty("value"))
				.contains("kind:"));
		driver.findElement(By.id("analyze-button")).click();
		WebElement bar = this.browser.waitUpTo(LIVE)
			.until((d) -> d.findElements(By.cssSelector("#results .bar__fill:not(.bar__fill--zero)"))
				.stream()
				.findFirst()
				.orElse(null));
		this.browser.waitUpTo(LIVE).until((d) -> bar.getSize().getWidth() > 0);
		collect(driver, "/analyze");

		driver.get(origin + "/rooms");
		driver.findElement(By.cssSelector("form input[name=code]"));
		collect(driver, "/rooms");
		String sandbox = this.sandboxes.createFromPreset("uneven-3-1-0", 1L).id();
		String code = this.rooms.open(sandbox).room().code().display();
		visitLive(driver, origin + "/rooms/" + code);
		visitLive(driver, origin + "/rooms/" + code + "/projector");

		driver.get(origin + "/embed?preset=uneven-3-1-0");
		driver.findElement(By.cssSelector("[data-control=embed-start]")).click();
		this.browser.waitUpTo(LIVE).until((d) -> Boolean.TRUE.equals(driver.executeScript(SCENE_DRAWN)));
		collect(driver, "/embed");

		assertThat(this.violations).as("CSP violations and console errors").isEmpty();
	}

	private void visitLive(ChromeDriver driver, String url) {
		driver.get(url);
		this.browser.waitUpTo(LIVE).until((d) -> Boolean.TRUE.equals(driver.executeScript(SCENE_DRAWN)));
		collect(driver, url);
	}

	/**
	 * This page's recorded violations, and every console entry that is an error or names
	 * the policy.
	 */
	private void collect(ChromeDriver driver, String page) {
		Object recorded = driver.executeScript("return window.__cspViolations || []");
		((List<?>) recorded).forEach((violation) -> this.violations.add(page + ": " + violation));
		for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
			if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
					|| entry.getMessage().contains("Content Security Policy")) {
				this.violations.add(page + ": " + entry.getMessage());
			}
		}
	}

}
