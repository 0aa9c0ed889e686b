package io.trafficlab.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole lesson in a real browser: every step of "The uneven-distribution problem"
 * through Next, each prediction answered (the first wrong, the others right), the
 * explanation shown and focused, the reveal reaching the canvas, the step URLs, a reload,
 * the progress this browser keeps (✓ on done steps, the index, forgetting it), and Copy
 * link on a step. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LessonBrowserIT extends BrowserTest {

	/**
	 * Long enough for a moved pod's replacement to be Ready (5 s) at 2×, with room for a
	 * slow machine.
	 */
	private static final Duration SETTLE = Duration.ofSeconds(45);

	private String origin;

	@Test
	void walkingTheUnevenDistributionLessonShouldRevealEachPredictionOnTheCanvas() {
		this.browser = HeadlessChromium.start(1440, 900);
		ChromeDriver driver = this.browser.driver();
		this.origin = "http://localhost:" + this.port;
		driver.get(this.origin + "/lessons");
		this.browser.screenshot("lessons-index");
		driver.findElement(By.linkText("The uneven-distribution problem")).click();

		// Step 1: Cluster, then a wrong prediction; the reveal switches the sandbox to
		// Local
		waitForStep(driver, 1);
		assertThat(LabPage.policy(driver)).isEqualTo("Cluster");
		assertThat(driver.findElements(By.cssSelector("[data-explanation]"))).isEmpty();
		answer(driver, 1, 1);
		WebElement explanation = driver.findElement(By.cssSelector("#question-1 [data-explanation]"));
		assertThat(explanation.getText()).startsWith("Not quite. The answer is: 1/2").contains("three times");
		assertThat(explanation.getDomAttribute("data-verdict")).isEqualTo("wrong");
		assertThat(driver.findElement(By.cssSelector("#question-1 .choice--wrong")).getText()).contains("1/4");
		this.browser.waitUpTo(LIVE).until((d) -> "Local".equals(LabPage.policy(driver)));
		this.browser.waitUpTo(LIVE).until((d) -> "Local".equals(LabPage.checkedPolicy(driver)));
		assertThat(driver.findElement(By.cssSelector("[data-lesson-announcer]")).getDomProperty("textContent"))
			.startsWith("Not quite.");
		this.browser.screenshot("lesson-step-1-answered");
		viewport(driver, "lesson-step-1-desktop");

		// Reload: the same step, its prediction not yet revealed, the sandbox back in the
		// step's state; this browser
		// remembers that step 1 was answered
		driver.navigate().refresh();
		waitForStep(driver, 1);
		assertThat(driver.findElements(By.cssSelector("[data-explanation]"))).isEmpty();
		assertThat(LabPage.policy(driver)).isEqualTo("Cluster");
		assertThat(driver.findElement(By.cssSelector("#question-1 [data-answered-before]")).getText())
			.isEqualTo("You answered this before.");
		assertThat(doneSteps(driver)).containsExactly("Step 1: Pods 3/1/0 under Cluster: even, done");

		// Step 2: move web-4 to n3 (right)
		next(driver, 2);
		answer(driver, 1, 2);
		assertThat(driver.findElement(By.cssSelector("#question-1 [data-explanation]")).getText()).startsWith("Right.");
		speedUp(driver);
		this.browser.waitUpTo(SETTLE).until((d) -> readyPodsOn(driver, "n3") == 1 && readyPodsOn(driver, "n2") == 0);

		// Step 3: move web-1 to n2 (right): 2/2/0
		next(driver, 3);
		assertThat(readyPodsOn(driver, "n1")).isEqualTo(3);
		answer(driver, 1, 1);
		speedUp(driver);
		this.browser.waitUpTo(SETTLE).until((d) -> readyPodsOn(driver, "n2") == 2 && readyPodsOn(driver, "n1") == 2);

		// Step 4: move web-1 to n3 (right): 2/1/1; the last step offers the next lesson
		next(driver, 4);
		answer(driver, 1, 2);
		speedUp(driver);
		this.browser.waitUpTo(SETTLE).until((d) -> readyPodsOn(driver, "n3") == 1 && readyPodsOn(driver, "n1") == 2);
		assertThat(driver.findElements(By.cssSelector("[rel=next]"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("[data-lesson-link=next-lesson]")).getText())
			.startsWith("Next lesson: Fixing it");
		this.browser.screenshot("lesson-step-4-answered");

		driver.findElement(By.cssSelector("[rel=prev]")).click();
		waitForStep(driver, 3);
		assertThat(doneSteps(driver)).hasSize(4);
		assertThat(driver.findElement(By.cssSelector(".step-dots a[aria-current=step]")).getDomProperty("textContent"))
			.isEqualTo("3✓");
		assertThat(driver.findElements(By.cssSelector("[data-answered-before]"))).hasSize(1);
		driver.executeScript("window.scrollTo(0, 0)");
		viewport(driver, "lesson-step-3-revisited");

		// Checked before leaving: a live page being unloaded may log its closing
		// WebSocket
		assertNoSevereConsoleEntries();

		// The index shows the lesson done, until the learner forgets their progress
		driver.findElement(By.linkText("Lessons")).click();
		this.browser.waitUpTo(LIVE).until((d) -> d.getCurrentUrl().endsWith("/lessons"));
		assertThat(progressMarks(driver, "lesson")).containsExactly("uneven-distribution: ✓ Done");
		this.browser.screenshot("lessons-index-done");
		driver.findElement(By.cssSelector("[data-control=forget-progress]")).click();
		assertThat(progressMarks(driver, "lesson")).isEmpty();
		driver.navigate().refresh();
		assertThat(progressMarks(driver, "lesson")).isEmpty();
	}

	@Test
	void copyLinkOnAStepShouldShareTheStepAndTheStateOnceTheLearnerChangedIt() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver driver = this.browser.driver();
		this.origin = "http://localhost:" + this.port;
		this.browser.allowClipboard(this.origin);
		driver.get(this.origin + "/lessons/uneven-distribution/2");
		waitForStep(driver, 2);

		assertThat(copyLink(driver)).isEqualTo(this.origin + "/lessons/uneven-distribution/2");

		driver.findElement(By.xpath("//fieldset[@data-control='policy']//label[input[@value='Cluster']]")).click();
		this.browser.waitUpTo(LIVE).until((d) -> "Cluster".equals(LabPage.policy(driver)));
		String link = copyLink(driver);
		assertThat(link).startsWith(this.origin + "/lessons/uneven-distribution/2?s=");

		driver.switchTo().newWindow(WindowType.TAB);
		driver.get(link);
		waitForStep(driver, 2);
		assertThat(LabPage.policy(driver)).isEqualTo("Cluster");
		assertThat(driver.findElement(By.id("step-title")).getText()).isEqualTo("It is the count per node");
	}

	@Test
	void aStepShouldReadWellOnAPhone() {
		this.browser = HeadlessChromium.start(390, 844);
		// emulated: a headless window is wider than 390 px
		this.browser.emulateViewport(390, 844);
		ChromeDriver driver = this.browser.driver();
		this.origin = "http://localhost:" + this.port;
		driver.get(this.origin + "/lessons/local-health-check/1");
		waitForStep(driver, 1);
		answer(driver, 1, 2);
		this.browser.waitUpTo(LIVE)
			.until((d) -> d.findElements(By.cssSelector("#question-1 .terminal-block"))
				.stream()
				.anyMatch((terminal) -> terminal.getText().contains("HTTP/1.1 503 Service Unavailable")));
		Number overflow = (Number) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
		this.browser.screenshot("lesson-phone-answered");
		driver.executeScript("document.querySelector('#question-1').scrollIntoView()");
		viewport(driver, "lesson-phone-question");

		// The index counts the step and continues at the next one
		driver.get(this.origin + "/lessons");
		assertThat(progressMarks(driver, "lesson"))
			.containsExactly("local-health-check: 1 of 3 steps done · Continue at step 2");
		Number indexOverflow = (Number) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(indexOverflow.intValue()).as("horizontal overflow of the index in px").isLessThanOrEqualTo(0);
		this.browser.screenshot("lessons-index-phone");
		driver.findElement(By.linkText("Continue at step 2")).click();
		waitForStep(driver, 2);
		assertThat(driver.getCurrentUrl()).endsWith("/lessons/local-health-check/2");
		assertThat(doneSteps(driver)).containsExactly("Step 1: A health-check port on every node, done");
		assertThat(driver.findElements(By.cssSelector("[data-answered-before]"))).isEmpty();
	}

	/** What the screen shows, not the whole page. */
	@Test
	void whichLoadBalancerShouldShowMetalLbAndLinkTheAnalyzerAndFitADesktopAndAPhone() {
		this.browser = HeadlessChromium.start(1280, 800);
		ChromeDriver driver = this.browser.driver();
		this.origin = "http://localhost:" + this.port;
		driver.get(this.origin + "/lessons/which-load-balancer/1");
		waitForStep(driver, 1);
		this.browser.waitUpTo(LIVE)
			.until((d) -> String.valueOf(driver.executeScript("return document.body.innerText")).contains("MetalLB"));
		answer(driver, 1, 3);
		assertThat(driver.findElement(By.cssSelector("#question-1 [data-explanation]")).getText()).startsWith("Right.")
			.contains("gets nothing");
		answer(driver, 2, 2);
		WebElement link = driver.findElement(By.cssSelector("#question-2 [data-analyzer-link] a"));
		assertThat(link.getDomAttribute("href")).isEqualTo("/analyze?example=uneven-3-1-0&loadBalancer=metallb-bgp");
		assertThat(link.getText()).isEqualTo("See this cluster behind the MetalLB (BGP) in the analyzer");
		assertFits(driver);
		viewport(driver, "lesson-6-step-1-1280");

		this.browser.emulateViewport(375, 812);
		driver.get(this.origin + "/lessons/which-load-balancer/5");
		waitForStep(driver, 5);
		answer(driver, 2, 2);
		assertThat(driver.findElement(By.cssSelector("#question-2 [data-analyzer-link] a")).getDomAttribute("href"))
			.isEqualTo("/analyze?example=uneven-3-1-0&loadBalancer=aws-clb");
		assertFits(driver);
		driver.executeScript("document.querySelector('#question-2 [data-explanation]').scrollIntoView()");
		viewport(driver, "lesson-6-step-5-375");
		driver.get(this.origin + "/lessons/which-load-balancer/3");
		waitForStep(driver, 3);
		assertFits(driver);
		viewport(driver, "lesson-6-step-3-375");
		assertNoSevereConsoleEntries();
	}

	/** No text wider than the window: the page does not scroll sideways. */
	private static void assertFits(ChromeDriver driver) {
		Number pageWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) driver.executeScript("return document.documentElement.clientWidth");
		assertThat(pageWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());
	}

	private static void viewport(ChromeDriver driver, String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The step links marked done, by their accessible names. */
	private static List<String> doneSteps(ChromeDriver driver) {
		return driver.findElements(By.cssSelector(".step-dots a"))
			.stream()
			.filter((link) -> link.getDomProperty("textContent").endsWith("✓"))
			.map((link) -> link.getDomAttribute("aria-label"))
			.toList();
	}

	private void waitForStep(ChromeDriver driver, int step) {
		this.browser.waitUpTo(LIVE)
			.until((d) -> d.getCurrentUrl().contains("/lessons/uneven-distribution/" + step)
					|| d.getCurrentUrl().matches(".*/lessons/[a-z-]+/" + step + "(\\?.*)?$"));
		LabPage.waitForScene(this.browser);
		assertThat(driver.findElement(By.cssSelector("[data-lesson-progress]")).getText())
			.startsWith("Step " + step + " of");
	}

	private void next(ChromeDriver driver, int step) {
		driver.findElement(By.cssSelector("[rel=next]")).click();
		waitForStep(driver, step);
		assertThat(driver.getCurrentUrl()).endsWith("/lessons/uneven-distribution/" + step);
	}

	private void answer(ChromeDriver driver, int question, int choice) {
		String form = "#question-" + question + " ";
		driver.findElement(By.cssSelector(form + "label.choice:nth-of-type(" + choice + ")")).click();
		driver.findElement(By.cssSelector(form + "button[type=submit]")).click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> !d.findElements(By.cssSelector(form + "[data-explanation]")).isEmpty());
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript(
					"return document.activeElement && document.activeElement.matches('[data-explanation]')")));
	}

	private static void speedUp(ChromeDriver driver) {
		driver.executeScript("const s = document.querySelector('[data-control=speed]'); s.value = '5';"
				+ "s.dispatchEvent(new Event('change', {bubbles: true}))");
	}

	private String copyLink(ChromeDriver driver) {
		WebElement field = driver.findElement(By.cssSelector("[data-control=share-link]"));
		driver.executeScript("arguments[0].value = ''", field);
		LabPage.openMoreControls(driver);
		driver.findElement(By.cssSelector("[data-control=copy-link]")).click();
		this.browser.waitUpTo(LIVE).until((d) -> field.isDisplayed() && !field.getDomProperty("value").isEmpty());
		return field.getDomProperty("value");
	}

	@SuppressWarnings("unchecked")
	private static long readyPodsOn(ChromeDriver driver, String node) {
		List<Map<String, Object>> pods = (List<Map<String, Object>>) driver
			.executeScript("return window.__trafficLab.scene().pods.map((p) => ({node: p.node, status: p.status}))");
		return pods.stream().filter((pod) -> node.equals(pod.get("node")) && "ready".equals(pod.get("status"))).count();
	}

}
