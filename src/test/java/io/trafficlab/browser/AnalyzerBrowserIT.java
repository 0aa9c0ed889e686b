package io.trafficlab.browser;

import java.time.Duration;
import java.util.List;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer page in a real browser: htmx swaps, the example picker, the packet tracer
 * and a phone-sized window. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnalyzerBrowserIT extends BrowserTest {

	private static final Duration SWAP = Duration.ofSeconds(15);

	@Test
	void analyzeWhenManifestsPastedShouldShowTheLonePodsHalfOfTheTraffic() {
		ChromeDriver driver = open(1280, 800);
		paste(driver, TestManifests.uneven310());
		driver.findElement(By.id("analyze-button")).click();
		waitForResults();
		assertThat(endpointShare(driver, "web-n2-a")).isEqualTo("1/2");
		assertThat(endpointShare(driver, "web-n1-a")).isEqualTo("1/6");
		assertThat(driver.findElement(By.cssSelector("#results")).getText()).contains("503 Service Unavailable")
			.contains("X-Load-Balancing-Endpoint-Weight: 0");
		assertThat(driver.getCurrentUrl()).endsWith("/analyze");
		this.browser.screenshot("analyzer-3-1-0-local");
		assertNoSevereConsoleEntries();
	}

	@Test
	void pickExampleWhenChosenShouldFillTheManifestsAndAnalyzeThem() {
		ChromeDriver driver = open(1280, 800);
		Select picker = new Select(driver.findElement(By.id("example")));
		List<String> examples = picker.getOptions()
			.stream()
			.map((option) -> option.getDomAttribute("value"))
			.filter((value) -> value != null && !value.isEmpty())
			.toList();
		assertThat(examples).as("bundled examples").isNotEmpty();
		picker.selectByValue(examples.contains("uneven-3-1-0") ? "uneven-3-1-0" : examples.get(0));
		this.browser.waitUpTo(SWAP).until((d) -> !manifests(driver).isBlank());
		assertThat(manifests(driver)).contains("kind:");
		this.browser.screenshot("analyzer-example-picked");
		driver.findElement(By.id("analyze-button")).click();
		waitForResults();
		assertThat(driver.findElements(By.cssSelector("#results .service"))).isNotEmpty();
		this.browser.screenshot("analyzer-example-analyzed");
		assertNoSevereConsoleEntries();
	}

	@Test
	void everyExampleWhenAnalyzedShouldShowItsServicesWithoutErrors() {
		ChromeDriver driver = open(1280, 800);
		List<String> examples = new Select(driver.findElement(By.id("example"))).getOptions()
			.stream()
			.map((option) -> option.getDomAttribute("value"))
			.filter((value) -> value != null && !value.isEmpty())
			.toList();
		for (String example : examples) {
			Select picker = new Select(driver.findElement(By.id("example")));
			picker.selectByValue(example);
			String title = picker.getFirstSelectedOption().getText();
			this.browser.waitUpTo(SWAP).until((d) -> manifests(driver).startsWith("# title: " + title));
			driver.findElement(By.id("analyze-button")).click();
			this.browser.waitUpTo(SWAP)
				.until((d) -> !driver.findElements(By.cssSelector("#results .service")).isEmpty()
						|| !driver.findElements(By.cssSelector("#results .notice--error")).isEmpty());
			assertThat(driver.findElements(By.cssSelector("#results .notice--error"))).as(example).isEmpty();
			this.browser.screenshot("example-" + example);
			// a fresh page: the address now names the example, and reloading it would
			// show its results already
			driver.get("http://localhost:" + this.port + "/analyze");
		}
		assertNoSevereConsoleEntries();
	}

	@Test
	void loadBalancerWhenMetalLbL2On310LocalShouldStarveTheLonePodAndNameTheAnnouncingNode() {
		ChromeDriver driver = open(1280, 800);
		new Select(driver.findElement(By.id("example"))).selectByValue("uneven-3-1-0");
		this.browser.waitUpTo(SWAP).until((d) -> manifests(driver).contains("name: web-4"));
		assertThat(driver.findElement(By.id("lb")).isDisplayed()).isTrue();
		new Select(driver.findElement(By.id("loadBalancer"))).selectByValue("metallb-l2");
		assertThat(driver.findElement(By.id("lb")).isDisplayed()).as("even/weighted only for generic").isFalse();
		assertThat(driver.findElement(By.id("loadBalancer-notes")).getText()).contains("answers ARP")
			.contains("layer2_controller.go");
		assertThat(driver.getCurrentUrl()).contains("loadBalancer=metallb-l2");
		driver.findElement(By.id("analyze-button")).click();
		waitForResults();
		assertThat(endpointShare(driver, "web-4")).isEqualTo("0");
		assertThat(endpointShare(driver, "web-1")).isEqualTo("1/3");
		assertThat(driver.findElement(By.cssSelector("#results .lb-announcing")).getText()).isEqualTo("n1");
		assertThat(driver.findElement(By.cssSelector("#results .lb-probe")).getText()).isEqualTo("does not probe");
		assertThat(driver.getCurrentUrl()).endsWith("/analyze?example=uneven-3-1-0&loadBalancer=metallb-l2");
		this.browser.screenshot("analyzer-metallb-l2-1280");
		this.browser.emulateViewport(375, 800);
		driver.navigate().refresh();
		this.browser.waitUpTo(SWAP)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .lb-announcing")));
		assertThat(endpointShare(driver, "web-4")).as("the shared address shows the result again").isEqualTo("0");
		Number pageWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) driver.executeScript("return document.documentElement.clientWidth");
		assertThat(pageWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());
		this.browser.screenshot("analyzer-metallb-l2-375");
		assertNoSevereConsoleEntries();
	}

	@Test
	void traceWhenExternalPacketArrivesAtNodeWithoutLocalPodShouldShowDrop() {
		ChromeDriver driver = open(1280, 800);
		paste(driver, TestManifests.uneven310());
		driver.findElement(By.id("analyze-button")).click();
		waitForResults();
		new Select(driver.findElement(By.id("traceNode"))).selectByValue("n3");
		new Select(driver.findElement(By.id("traceFrom"))).selectByValue("external");
		driver.findElement(By.cssSelector("#trace button[type=submit]")).click();
		this.browser.waitUpTo(SWAP)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trace-result .verdict-badge")));
		assertThat(driver.findElement(By.cssSelector("#trace-result .verdict-badge")).getText()).isEqualTo("DROP");
		this.browser.screenshot("analyzer-trace-drop");
		new Select(driver.findElement(By.id("traceFrom"))).selectByValue("node");
		driver.findElement(By.cssSelector("#trace button[type=submit]")).click();
		this.browser.waitUpTo(SWAP)
			.until(ExpectedConditions.textToBe(By.cssSelector("#trace-result .verdict-badge"), "DNAT"));
		assertThat(driver.findElement(By.id("trace-result")).getText()).contains("192.168.0.13");
		this.browser.screenshot("analyzer-trace-host-network");
		assertNoSevereConsoleEntries();
	}

	@Test
	void analyzeWhenYamlIsBrokenShouldShowTheErrorInline() {
		ChromeDriver driver = open(1280, 800);
		paste(driver, "apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n");
		driver.findElement(By.id("analyze-button")).click();
		this.browser.waitUpTo(SWAP)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .notice--error")));
		assertThat(driver.findElement(By.cssSelector("#results .notice--error")).getText())
			.containsIgnoringCase("line");
		assertThat(driver.findElement(By.id("manifests")).isDisplayed()).isTrue();
		this.browser.screenshot("analyzer-broken-yaml");
	}

	@Test
	void analyzeWhenWindowIsPhoneSizedShouldNotScrollSideways() {
		ChromeDriver driver = open(800, 780);
		this.browser.emulateViewport(360, 780);
		driver.navigate().refresh();
		paste(driver, TestManifests.uneven310());
		driver.findElement(By.id("analyze-button")).click();
		waitForResults();
		Number pageWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
		Number viewport = (Number) driver.executeScript("return document.documentElement.clientWidth");
		assertThat(pageWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());
		this.browser.screenshot("analyzer-360px");
		assertNoSevereConsoleEntries();
	}

	@Test
	void copyCurlWhenClickedShouldCopyTheCommandThatProbesTheNode() {
		ChromeDriver driver = open(1280, 800);
		this.browser.allowClipboard("http://localhost:" + this.port);
		paste(driver, TestManifests.uneven310());
		driver.findElement(By.id("analyze-button")).click();
		waitForResults();
		WebElement copy = driver.findElements(By.cssSelector("button[data-copy-curl]"))
			.stream()
			.filter((button) -> "192.168.0.13".equals(button.getDomAttribute("data-host")))
			.findFirst()
			.orElseThrow();
		assertThat(copy.isDisplayed()).as("copy button revealed by the frontend bundle").isTrue();
		copy.click();
		this.browser.waitUpTo(SWAP).until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
		Object copied = driver.executeAsyncScript(
				"const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, (e) => done('failed: ' + e));");
		assertThat(copied).isEqualTo("curl -i http://192.168.0.13:32000/healthz");
		assertNoSevereConsoleEntries();
	}

	@Test
	void tabMarkersWhenToggledOffShouldHideTheArrows() {
		ChromeDriver driver = open(1280, 800);
		paste(driver, TestManifests.uneven310());
		driver.findElement(By.id("analyze-button")).click();
		waitForResults();
		WebElement marker = driver.findElement(By.cssSelector(".http-answer__text .ws-tab"));
		assertThat(marker.isDisplayed()).isTrue();
		driver.findElement(By.cssSelector("label[data-whitespace-toggle] input")).click();
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("class")).contains("hide-whitespace");
		assertThat(marker.isDisplayed()).isFalse();
	}

	@Test
	void welcomeShouldLeadToTheAnalyzer() {
		ChromeDriver driver = openPage(1280, 800, "/");
		this.browser.screenshot("welcome");
		driver.findElement(By.linkText("Analyze your manifests")).click();
		this.browser.waitUpTo(SWAP).until(ExpectedConditions.presenceOfElementLocated(By.id("manifests")));
		assertThat(driver.getTitle()).contains("Analyze");
		assertNoSevereConsoleEntries();
		driver.get("http://localhost:" + this.port + "/no-such-page");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("404")
			.contains("There is no page at this address.")
			.doesNotContain("Exception");
		this.browser.screenshot("error-404");
	}

	private ChromeDriver open(int width, int height) {
		return openPage(width, height, "/analyze");
	}

	private static void paste(ChromeDriver driver, String manifests) {
		WebElement textarea = driver.findElement(By.id("manifests"));
		driver.executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", textarea, manifests);
	}

	private static String manifests(ChromeDriver driver) {
		return String.valueOf(driver.executeScript("return document.getElementById('manifests').value"));
	}

	private void waitForResults() {
		this.browser.waitUpTo(SWAP)
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#results .service, #results .notice--error")));
	}

	private static String endpointShare(ChromeDriver driver, String pod) {
		return driver.findElements(By.cssSelector("#results table.endpoints tbody tr"))
			.stream()
			.filter((row) -> row.findElement(By.cssSelector("th")).getText().equals(pod))
			.map((row) -> row.findElement(By.cssSelector(".share .fraction")).getText())
			.findFirst()
			.orElseThrow(() -> new AssertionError("No endpoint row for pod " + pod));
	}

}
