package io.trafficlab.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing in a real browser: a permalink opened in a fresh page shows the same placement
 * and policy; the embed runs inside an iframe on a page of another origin. Screenshots go
 * to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ShareBrowserIT extends BrowserTest {

	@Autowired
	private SandboxRegistry registry;

	private HttpServer otherSite;

	@AfterEach
	void stopOtherSite() {
		if (this.otherSite != null) {
			this.otherSite.stop(0);
		}
	}

	@Test
	void permalinkShouldOpenTheSamePlacementAndPolicyInAFreshPage() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver driver = this.browser.driver();
		String origin = "http://localhost:" + this.port;
		this.browser.allowClipboard(origin);
		driver.get(origin + "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		LabPage.choosePolicy(driver, "Cluster");
		this.browser.waitUpTo(LIVE).until((d) -> "Cluster".equals(LabPage.checkedPolicy(driver)));
		// Move web-1 to n3 from the keyboard: focus the canvas, walk to web-1, press 3
		driver.executeScript("document.querySelector('[data-view=primary] canvas').focus()");
		new Actions(driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
		assertThat(driver.executeScript("return window.__trafficLab.focused()")).isEqualTo("pod web-1");
		new Actions(driver).sendKeys("3").perform();
		this.browser.waitUpTo(LIVE)
			.until((d) -> LabPage.placement(driver).values().stream().filter("n3"::equals).count() == 1);
		driver.findElement(By.cssSelector("[data-control=pause]")).click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript("return window.__trafficLab.scene().paused")));

		driver.findElement(By.cssSelector("[data-control=copy-link]")).click();
		WebElement field = driver.findElement(By.cssSelector("[data-control=share-link]"));
		this.browser.waitUpTo(LIVE).until((d) -> field.isDisplayed() && !field.getDomProperty("value").isEmpty());
		String link = field.getDomProperty("value");
		assertThat(link).startsWith(origin + "/?s=");
		this.browser.waitUpTo(LIVE)
			.until((d) -> "Link copied."
				.equals(d.findElement(By.cssSelector("[data-control=share-status]")).getText()));
		Map<String, String> placement = LabPage.placement(driver);
		assertThat(placement).containsEntry("web-1", "n1").containsEntry("web-4", "n2").containsValue("n3");
		this.browser.screenshot("share-copy-link");

		driver.switchTo().newWindow(WindowType.TAB);
		driver.get(link);
		LabPage.waitForScene(this.browser);
		assertThat(LabPage.placement(driver)).isEqualTo(placement);
		this.browser.waitUpTo(LIVE).until((d) -> "Cluster".equals(LabPage.checkedPolicy(driver)));
		driver.findElement(By.cssSelector("[data-control=export-yaml]")).click();
		WebElement exported = driver.findElement(By.cssSelector("[data-part=export] code"));
		this.browser.waitUpTo(LIVE).until((d) -> exported.isDisplayed() && exported.getText().contains("kind: Pod"));
		assertThat(exported.getText()).contains("externalTrafficPolicy: Cluster").contains("nodeName: n3");
		this.browser.screenshot("share-opened-link");
		assertNoSevereConsoleEntries();
	}

	@Test
	void embedShouldRunInsideAnIframeOnAnotherOrigin() throws IOException {
		String embed = "http://localhost:" + this.port + "/embed?preset=uneven-3-1-0";
		String other = serveOtherSite("<!DOCTYPE html><html><head><meta charset=utf-8><title>Docs</title></head>"
				+ "<body style='font-family:sans-serif;margin:16px'><h1>Training docs</h1><p>Try it:</p>"
				+ "<iframe id=lab src='" + embed + "' width=800 height=520 loading=lazy "
				+ "title='Traffic Lab: externalTrafficPolicy'></iframe></body></html>");
		assertThat(other).doesNotContain("localhost");
		this.browser = HeadlessChromium.start(900, 700);
		ChromeDriver driver = this.browser.driver();
		int before = this.registry.size();
		driver.get(other);
		driver.switchTo().frame(driver.findElement(By.id("lab")));
		WebElement start = this.browser.waitUpTo(LIVE)
			.until((d) -> d.findElements(By.cssSelector("[data-control=embed-start]"))
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(this.registry.size()).as("no sandbox before Start").isEqualTo(before);
		driver.switchTo().defaultContent();
		this.browser.screenshot("embed-before-start");
		driver.switchTo().frame(driver.findElement(By.id("lab")));
		start.click();
		LabPage.waitForScene(this.browser);
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript(
					"return window.__trafficLab.firstPacketAt !== null && window.__trafficLab.frames() > 10")));
		assertThat(this.registry.size()).isEqualTo(before + 1);
		assertThat(driver.findElements(By.cssSelector(".site-header"))).isEmpty();
		WebElement canvas = driver.findElement(By.cssSelector("[data-view=primary] canvas"));
		assertThat(canvas.isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector("[data-part=pod-shares]")).isDisplayed()).isFalse();
		driver.switchTo().defaultContent();
		this.browser.screenshot("embed-in-iframe");
		assertNoSevereConsoleEntries();
	}

	/**
	 * A page on 127.0.0.1 (another origin than the app's localhost), as a docs site would
	 * be.
	 */
	private String serveOtherSite(String html) throws IOException {
		this.otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.otherSite.createContext("/", (exchange) -> {
			byte[] body = html.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.otherSite.start();
		return "http://127.0.0.1:" + this.otherSite.getAddress().getPort() + "/docs.html";
	}

}
