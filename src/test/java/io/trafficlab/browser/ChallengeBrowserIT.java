package io.trafficlab.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A challenge in a real browser: the checklist fails, a hint appears on request, the
 * learner drags the right pod onto the right node on the canvas, and the checklist turns
 * to all ✔ with the Solved banner; Start over brings the start back, and the list shows
 * it ✓ Solved until "Forget my progress". Screenshots of the list and of a challenge at
 * desktop and phone widths go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChallengeBrowserIT extends BrowserTest {

	@Test
	void dragTheRightPodShouldSolveTheOneMoveChallenge() {
		ChromeDriver driver = open(1280, 800, "one-move-equal-shares");
		assertThat(checks(driver)).containsExactly("✔ Holds:", "✘ Not yet:", "✔ Holds:");
		assertThat(checklistText(driver)).contains("shares: 2 × 1/4, 1 × 1/2").doesNotContain("Solved!");

		WebElement hint = driver.findElement(By.cssSelector("[data-control=hint]"));
		assertThat(visibleHints(driver)).isEmpty();
		hint.click();
		assertThat(visibleHints(driver)).hasSize(1).first().asString().startsWith("Under Local every node");
		assertThat(hint.getText()).isEqualTo("Show another hint (2 of 3)");
		assertThat(announced(driver)).startsWith("Hint 1: Under Local");

		new Select(driver.findElement(By.cssSelector("[data-control=speed]"))).selectByValue("5");
		LabPage.drag(driver, "web-1", "n3");

		this.browser.waitUpTo(LIVE).until((d) -> "true".equals(achieved(driver)));
		assertThat(checks(driver)).containsExactly("✔ Holds:", "✔ Holds:", "✔ Holds:");
		assertThat(String.valueOf(driver.executeScript("const s = document.querySelector('#challenge-check .solved');"
				+ "return s && s.offsetParent !== null ? s.innerText : 'not shown'")))
			.contains("Solved!", "Moving a pod from n1 to n3 is the one move");
		assertThat(checklistText(driver)).contains("shares: 3 × 1/3");
		this.browser.waitUpTo(Duration.ofSeconds(5)).until((d) -> announced(driver).startsWith("Solved!"));
		scrollToTop(driver);
		this.browser.screenshot("challenge-solved-1280");

		driver.findElement(By.cssSelector("[data-control=start-over]")).click();
		this.browser.waitUpTo(LIVE).until((d) -> "false".equals(achieved(driver)));
		assertThat(checks(driver)).containsExactly("✔ Holds:", "✘ Not yet:", "✔ Holds:");

		// Checked before leaving: a live page being unloaded may log its closing
		// WebSocket
		assertNoSevereConsoleEntries();

		// Solved stays solved in this browser, after Start over and on the list, until
		// the learner forgets it
		driver.findElement(By.linkText("Challenges")).click();
		this.browser.waitUpTo(LIVE).until((d) -> d.getCurrentUrl().endsWith("/challenges"));
		assertThat(progressMarks(driver, "challenge")).containsExactly("one-move-equal-shares: ✓ Solved");
		this.browser.screenshot("challenges-list-solved-1280");
		this.browser.emulateViewport(390, 844);
		this.browser.screenshot("challenges-list-solved-390");
		driver.findElement(By.cssSelector("[data-control=forget-progress]")).click();
		assertThat(progressMarks(driver, "challenge")).isEmpty();
		assertThat(driver.findElement(By.cssSelector("[data-progress-note]")).getText()).contains("forgotten");
		driver.navigate().refresh();
		assertThat(progressMarks(driver, "challenge")).isEmpty();
		assertThat(driver.findElement(By.cssSelector("[data-control=forget-progress]")).isDisplayed()).isFalse();
	}

	@Test
	void listAndChallengeShouldReadWellOnAPhoneAndADesktop() {
		ChromeDriver driver = openPage(1280, 900, "/challenges");
		assertThat(driver.findElements(By.cssSelector(".challenge-card"))).hasSize(6);
		this.browser.screenshot("challenges-list-1280");
		driver.findElement(By.linkText("Make n3 pass the health check")).click();
		LabPage.waitForScene(this.browser);
		assertThat(checks(driver)).containsExactly("✔ Holds:", "✘ Not yet:");
		assertThat(driver.findElement(By.cssSelector("[data-preset-title]")).getText())
			.isEqualTo("Make n3 pass the health check");
		this.browser.screenshot("challenge-1280");

		this.browser.emulateViewport(390, 844);
		driver.navigate().refresh();
		LabPage.waitForScene(this.browser);
		Number overflow = (Number) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
		this.browser.screenshot("challenge-390");

		// a challenge that starts behind MetalLB L2 opens with that load balancer chosen
		driver.get("http://localhost:" + this.port + "/challenges/l2-every-pod-keeps-the-client");
		LabPage.waitForScene(this.browser);
		this.browser.waitUpTo(LIVE)
			.until((d) -> "metallb-l2"
				.equals(driver.findElement(By.cssSelector("[data-control=lb-kind]")).getDomProperty("value")));
		this.browser.waitUpTo(LIVE).until((d) -> checks(driver).size() == 3);
		assertThat(checks(driver)).containsExactly("✔ Holds:", "✔ Holds:", "✘ Not yet:");
		Number l2Overflow = (Number) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(l2Overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
		this.browser.screenshot("challenge-l2-390");
		assertNoSevereConsoleEntries();
	}

	private ChromeDriver open(int width, int height, String challenge) {
		ChromeDriver driver = openPage(width, height, "/challenges/" + challenge);
		LabPage.waitForScene(this.browser);
		return driver;
	}

	/**
	 * Each condition's icon and words, as shown: "✔ Holds:" or "✘ Not yet:" (read in one
	 * go: htmx swaps the list).
	 */
	@SuppressWarnings("unchecked")
	private static List<String> checks(ChromeDriver driver) {
		return (List<String>) driver
			.executeScript("return Array.from(document.querySelectorAll('#challenge-check .check'),"
					+ " (c) => c.querySelector('.check__icon').innerText + ' ' + c.querySelector('.check__state').innerText)");
	}

	private static String achieved(ChromeDriver driver) {
		return String
			.valueOf(driver.executeScript("return document.getElementById('challenge-check').dataset.achieved"));
	}

	private static String checklistText(ChromeDriver driver) {
		return String.valueOf(driver.executeScript("return document.getElementById('challenge-check').innerText"));
	}

	private static List<String> visibleHints(ChromeDriver driver) {
		return driver.findElements(By.cssSelector("[data-part=hints] li"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

	private static String announced(ChromeDriver driver) {
		return String.valueOf(
				driver.executeScript("return document.querySelector('[data-part=challenge-announcer]').textContent"));
	}

	private static void scrollToTop(ChromeDriver driver) {
		driver.executeScript("window.scrollTo(0, 0)");
	}

}
