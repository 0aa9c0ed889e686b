package io.trafficlab.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test shares: the app's port, one headless Chromium closed after each
 * test, and how long a live page may take. Subclasses are
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and start the browser they need;
 * {@link LabPage} drives pages with a live sandbox view.
 */
abstract class BrowserTest {

	/** How long a live page may take to draw its first frame or to show a change. */
	static final Duration LIVE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	HeadlessChromium browser;

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	/** Starts {@link #browser} with a window this size, on the app's {@code path}. */
	ChromeDriver openPage(int width, int height, String path) {
		this.browser = HeadlessChromium.start(width, height);
		ChromeDriver driver = this.browser.driver();
		driver.get("http://localhost:" + this.port + path);
		return driver;
	}

	/**
	 * An index page's visible progress lines, as "id: line", from its cards marked
	 * {@code data-progress-<kind>} (kind {@code lesson} or {@code challenge}).
	 */
	static List<String> progressMarks(ChromeDriver driver, String kind) {
		String card = "data-progress-" + kind;
		By line = By.cssSelector("[data-progress-line]");
		return driver.findElements(By.cssSelector("[" + card + "]"))
			.stream()
			.filter((element) -> element.findElement(line).isDisplayed())
			.map((element) -> element.getDomAttribute(card) + ": " + element.findElement(line).getText())
			.toList();
	}

	/** JavaScript errors and failed loads in {@link #browser}'s console fail the test. */
	void assertNoSevereConsoleEntries() {
		assertThat(this.browser.severeConsoleEntries()).as("severe browser console entries").isEmpty();
	}

}
