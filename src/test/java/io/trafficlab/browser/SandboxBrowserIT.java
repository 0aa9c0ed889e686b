package io.trafficlab.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain live page ({@code /live}; the playground at {@code /} has its own test) in a
 * real browser: it creates a sandbox, connects to its stream, and shows the clock moving,
 * events arriving and the statistics; its htmx controls send commands. Screenshots go to
 * {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SandboxBrowserIT extends BrowserTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Test
	void openWhenStreamConnectsShouldShowTheClockMovingEventsAndStatistics() {
		ChromeDriver driver = open();
		this.browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("stream-status"), "live"));
		this.browser.waitUpTo(WAIT).until((d) -> simSeconds(driver) > 0.5);
		double before = simSeconds(driver);
		this.browser.waitUpTo(WAIT).until((d) -> simSeconds(driver) > before + 0.5);
		this.browser.waitUpTo(WAIT)
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#event-log li[data-type=ConnectionRouted]")));
		this.browser.waitUpTo(WAIT)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pod-stats tbody tr")));
		assertThat(driver.findElements(By.cssSelector("#event-log li"))).hasSizeBetween(1, 50);
		assertThat(driver.findElement(By.id("event-counts")).getText()).contains("ConnectionRouted");
		assertThat(driver.findElement(By.id("pod-stats")).getText()).contains("1/2");
		assertThat(driver.findElement(By.id("node-stats")).getText()).contains("503");
		assertThat(driver.findElement(By.cssSelector("header nav a[href='/analyze']")).getText())
			.isEqualTo("Analyze manifests");
		this.browser.screenshot("sandbox-live");
		assertNoSevereConsoleEntries();
	}

	@Test
	void controlsWhenUsedShouldSendCommandsWhoseEffectsArriveAsEvents() {
		ChromeDriver driver = open();
		this.browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("stream-status"), "live"));
		new Select(driver.findElement(By.cssSelector("select[name=value]"))).selectByValue("Cluster");
		this.browser.waitUpTo(WAIT)
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#event-log li[data-type=ServiceUpdated]")));
		driver.findElement(By.xpath("//button[normalize-space()='Pause']")).click();
		this.browser.waitUpTo(WAIT).until((d) -> {
			double first = simSeconds(driver);
			sleep(300);
			return simSeconds(driver) == first;
		});
		this.browser.screenshot("sandbox-live-paused-cluster");
		new Select(driver.findElement(By.cssSelector("select[name=name]"))).selectByValue("uneven-3-1-0");
		this.browser.waitUpTo(WAIT)
			.until(ExpectedConditions.textToBe(By.cssSelector("[data-preset-title]"), "Uneven pods 3/1/0"));
		assertThat(driver.findElement(By.id("command-error")).getText()).isEmpty();
		assertNoSevereConsoleEntries();
	}

	@Test
	void controlsWhenACommandIsRefusedShouldShowTheApiMessage() {
		ChromeDriver driver = open();
		this.browser.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("stream-status"), "live"));
		driver.executeScript("document.querySelector('select[name=factor] option').value = '99';");
		new Select(driver.findElement(By.cssSelector("select[name=factor]"))).selectByIndex(0);
		this.browser.waitUpTo(WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("command-error"),
					"Query parameter 'factor' must be between 0.1 and 50"));
	}

	private ChromeDriver open() {
		return openPage(1280, 900, "/live");
	}

	private static double simSeconds(ChromeDriver driver) {
		String text = driver.findElement(By.id("sim-clock")).getText().replace(" s", "").trim();
		return text.isEmpty() ? 0 : Double.parseDouble(text);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
