package io.trafficlab.browser;

import java.util.List;

import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-line {@code <traffic-lab>} element on a docs page of another origin: a facade
 * that loads nothing from the app's embed until it is pressed, then the embed's frame
 * with the live sandbox; and {@code /embed/help}, whose live example is the same element.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbedElementBrowserIT extends BrowserTest {

	@Autowired
	private SandboxRegistry registry;

	private HostPage host;

	@AfterEach
	void closeHost() {
		if (this.host != null) {
			this.host.close();
		}
	}

	@Test
	void elementShouldCreateTheEmbedFrameOnlyWhenPressed() {
		String app = "http://localhost:" + this.port;
		this.host = HostPage.start();
		String docs = this.host.serve("/docs.html", "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
				+ "<title>Training docs</title><link rel=icon href='data:,'></head><body style='font-family:sans-serif;margin:16px;max-width:900px'>"
				+ "<h1>Training docs</h1><p>Try it:</p>" + "<script src='" + app + "/js/traffic-lab.js'></script>"
				+ "<traffic-lab id=lab class=wide preset='uneven-3-1-0'></traffic-lab>"
				+ "<p>And a mistake an author might make:</p>"
				+ "<traffic-lab id=wrong lesson='uneven-distribution' challenge='one-move-equal-shares'></traffic-lab>"
				+ "</body></html>");
		this.browser = HeadlessChromium.start(1000, 900);
		ChromeDriver driver = this.browser.driver();
		int before = this.registry.size();
		driver.get(docs);

		SearchContext facade = this.browser.waitUpTo(LIVE).until((d) -> d.findElement(By.id("lab")).getShadowRoot());
		WebElement start = facade.findElement(By.cssSelector("button.start"));
		assertThat(start.getText()).contains("Start");
		assertThat(facade.findElement(By.cssSelector(".title")).getText())
			.isEqualTo("Traffic Lab: externalTrafficPolicy sandbox");
		assertThat(facade.findElement(By.cssSelector(".line")).getText())
			.isEqualTo("Traffic Lab · Kubernetes externalTrafficPolicy sandbox");
		assertThat(driver.findElement(By.id("lab")).getRect().getHeight()).isEqualTo(560);
		assertThat(driver.findElement(By.id("wrong")).getShadowRoot().findElement(By.cssSelector(".message")).getText())
			.contains("give one of preset, state, lesson or challenge, not lesson and challenge");
		assertThat(driver.findElements(By.tagName("iframe"))).as("no frame before Start").isEmpty();
		assertThat(requestedUrls(driver)).as("what the docs page loaded from the app before Start")
			.filteredOn((url) -> url.startsWith(app))
			.containsExactly(app + "/js/traffic-lab.js");
		assertThat(this.registry.size()).as("no sandbox before Start").isEqualTo(before);
		this.browser.screenshot("element-facade");

		// From the keyboard: Tab reaches the facade's Start button, Enter presses it
		new Actions(driver).sendKeys(Keys.TAB).perform();
		assertThat(driver.executeScript("return document.activeElement.id")).isEqualTo("lab");
		new Actions(driver).sendKeys(Keys.ENTER).perform();
		WebElement frame = this.browser.waitUpTo(LIVE)
			.until((d) -> d.findElements(By.tagName("iframe")).stream().findFirst().orElse(null));
		assertThat(frame.getDomAttribute("src")).isEqualTo(app + "/embed?preset=uneven-3-1-0&run=1");
		assertThat(frame.getDomAttribute("title")).isEqualTo("Traffic Lab: externalTrafficPolicy sandbox");
		assertThat(frame.getDomAttribute("allow")).isEqualTo("fullscreen");
		assertThat(frame.getDomAttribute("id")).isEqualTo("lab");
		assertThat(frame.getDomAttribute("class")).isEqualTo("wide");
		assertThat(frame.getRect().getHeight()).isEqualTo(560);
		assertThat(driver.findElements(By.tagName("traffic-lab"))).hasSize(1);
		assertThat(driver.executeScript("return document.activeElement === document.getElementById('lab')"))
			.as("focus follows the reader into the frame")
			.isEqualTo(true);

		driver.switchTo().frame(frame);
		LabPage.waitForScene(this.browser);
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript(
					"return window.__trafficLab.firstPacketAt !== null && window.__trafficLab.frames() > 10")));
		assertThat(driver.findElement(By.cssSelector("[data-view=primary] canvas")).isDisplayed()).isTrue();
		assertThat(driver.findElements(By.cssSelector(".site-header"))).isEmpty();
		driver.switchTo().defaultContent();
		assertThat(this.registry.size()).isEqualTo(before + 1);
		this.browser.screenshot("element-started");
		assertNoSevereConsoleEntries();
	}

	@Test
	void helpPageShouldShowTheElementLiveAndItsSnippets() {
		String app = "http://localhost:" + this.port;
		ChromeDriver driver = openPage(1280, 900, "/embed/help");
		SearchContext facade = this.browser.waitUpTo(LIVE)
			.until((d) -> d.findElement(By.id("live-lab")).getShadowRoot());
		assertThat(facade.findElement(By.cssSelector(".title")).getText())
			.isEqualTo("Traffic Lab: externalTrafficPolicy with pods 3/1/0");
		WebElement copy = driver.findElement(By.cssSelector("[data-copy-snippet=snippet-element]"));
		assertThat(copy.isDisplayed()).as("the page's script reveals the copy buttons").isTrue();
		assertThat(driver.findElement(By.id("snippet-element")).getText()).isEqualTo("<script src=\"" + app
				+ "/js/traffic-lab.js\" defer></script>" + "<traffic-lab preset=\"uneven-3-1-0\"></traffic-lab>");
		this.browser.screenshot("embed-help-1280");

		this.browser.emulateViewport(390, 844);
		driver.navigate().refresh();
		this.browser.waitUpTo(LIVE).until((d) -> d.findElement(By.id("live-lab")).getShadowRoot());
		assertThat((Long) driver.executeScript("return document.documentElement.scrollWidth"))
			.as("nothing wider than a phone")
			.isLessThanOrEqualTo(390L);
		this.browser.screenshot("embed-help-390");

		// The live example starts on the help page itself (same origin, the site's own
		// CSP)
		driver.findElement(By.id("live-lab")).getShadowRoot().findElement(By.cssSelector("button.start")).click();
		WebElement frame = this.browser.waitUpTo(LIVE).until((d) -> d.findElement(By.cssSelector("iframe#live-lab")));
		assertThat(frame.getDomAttribute("src")).isEqualTo(app + "/embed?preset=uneven-3-1-0&run=1");
		driver.switchTo().frame(frame);
		LabPage.waitForScene(this.browser);
		driver.switchTo().defaultContent();
		assertNoSevereConsoleEntries();
	}

	/** Every URL the top page requested, in order (the Resource Timing entries). */
	@SuppressWarnings("unchecked")
	private static List<String> requestedUrls(ChromeDriver driver) {
		return (List<String>) driver
			.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name)");
	}

}
