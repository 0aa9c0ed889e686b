package io.trafficlab.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Follow one connection" on the playground: under Cluster a connection is traced hop by
 * hop (the debug hook's hop advances, the live region reads each hop with the source
 * before and after SNAT), then the picture returns to live; from the key F, a click on a
 * client and the "Follow a connection" button. Still frames of the canvas mid-follow go
 * to {@code target/screenshots/follow-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FollowConnectionBrowserIT extends BrowserTest {

	/** Every hop shows for 1.8 s: a routed connection's ten hops take 18 s. */
	private static final Duration WHOLE_TRACE = Duration.ofSeconds(60);

	@Test
	void pressingFShouldTraceTheNextConnectionHopByHopThenReturnToLive() {
		ChromeDriver driver = openUnderCluster(1366, 900);
		deleteStillFrame("follow-1366x900");
		WebElement canvas = LabPage.canvas(driver);
		driver.executeScript("arguments[0].focus()", canvas);
		new Actions(driver).sendKeys("f").perform();
		this.browser.waitUpTo(LIVE).until((d) -> "following".equals(following(driver).get("phase")));
		Number connection = (Number) following(driver).get("connection");
		List<Integer> hopsSeen = new ArrayList<>();
		Set<String> heard = new LinkedHashSet<>();
		this.browser.waitUpTo(WHOLE_TRACE).until((d) -> {
			Map<String, Object> now = following(driver);
			if (now == null || !connection.equals(now.get("connection"))) {
				return true;
			}
			int hop = ((Number) now.get("hop")).intValue();
			if (hopsSeen.isEmpty() || hopsSeen.get(hopsSeen.size() - 1) != hop) {
				hopsSeen.add(hop);
			}
			heard.addAll(liveRegion(driver));
			if (calloutShowsSnat(driver) && !Files.exists(stillFrame("follow-1366x900"))) {
				saveCanvas(driver, "follow-1366x900");
				this.browser.screenshot("follow-page-1366x900");
			}
			return false;
		});
		assertThat(following(driver)).as("back to live").isNull();
		assertThat(hopsSeen).as("hops shown one after the other").hasSizeGreaterThanOrEqualTo(4).isSorted();
		// The live region collects its sentences for a second before it speaks
		this.browser.waitUpTo(LIVE).until((d) -> {
			heard.addAll(liveRegion(driver));
			return String.join(" ", heard).contains("back to live");
		});
		// The live region read every hop, and the one where kube-proxy masqueraded the
		// client's source
		assertThat(String.join(" ", heard)).contains("Following connection " + connection + " from")
			.contains("hop 1 of ")
			.containsPattern("src [\\d.]+:\\d+ → [\\d.]+:\\d+ \\(SNAT\\)");
		assertThat(stillFrame("follow-1366x900")).as("a frame whose callout shows the source before and after SNAT")
			.exists();

		// The button does the same for those who do not know the key; pressed again, it
		// stops
		WebElement button = driver.findElement(By.cssSelector("[data-view=primary] [data-part=follow]"));
		button.click();
		assertThat(following(driver)).isNotNull();
		assertThat(button.getDomAttribute("aria-pressed")).isEqualTo("true");
		button.click();
		assertThat(following(driver)).isNull();
		assertThat(button.getDomAttribute("aria-pressed")).isEqualTo("false");
		assertNoSevereConsoleEntries();
	}

	@Test
	void clickingAClientShouldFollowItsOwnNextConnectionUntilEscape() {
		ChromeDriver driver = openUnderCluster(800, 520);
		String client = String.valueOf(driver.executeScript("return window.__trafficLab.scene().clientIps[0]"));
		WebElement canvas = LabPage.canvas(driver);
		int[] at = LabPage.offsetFromInViewCenter(driver, canvas, LabPage.locate(driver, client));
		new Actions(driver).moveToElement(canvas, at[0], at[1]).click().perform();
		this.browser.waitUpTo(WHOLE_TRACE).until((d) -> calloutShowsSnat(driver));
		assertThat(following(driver)).containsEntry("client", client);
		assertThat(((Number) following(driver).get("hop")).intValue()).isGreaterThanOrEqualTo(1);
		saveCanvas(driver, "follow-800x520");
		this.browser.screenshot("follow-page-800x520");
		driver.executeScript("arguments[0].focus()", canvas);
		new Actions(driver).sendKeys(Keys.ESCAPE).perform();
		assertThat(following(driver)).isNull();
		assertNoSevereConsoleEntries();
	}

	private ChromeDriver openUnderCluster(int width, int height) {
		ChromeDriver driver = openPage(width, height, "/?preset=two-pods-three-nodes");
		LabPage.waitForScene(this.browser);
		LabPage.choosePolicy(driver, "Cluster");
		// kube-proxy programs Cluster's rules on each node after its sync delay: until
		// then
		// connections keep the client's source
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript("const s = window.__trafficLab.scene();"
					+ "const routed = [...s.connections.values()].map((c) => c.event).filter((e) => e.type === 'ConnectionRouted');"
					+ "const snat = (e) => e.hops.some((h) => h.direction === 'request' && h.srcBefore.split(':')[0] !== h.srcAfter.split(':')[0]);"
					+ "return s.service.externalTrafficPolicy === 'Cluster' && routed.length >= 3 && routed.slice(-3).every(snat)")));
		return driver;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> following(ChromeDriver driver) {
		return (Map<String, Object>) driver.executeScript("return window.__trafficLab.following()");
	}

	/**
	 * Whether the canvas's callout (read from the label board) shows a source before and
	 * after SNAT now.
	 */
	private static boolean calloutShowsSnat(ChromeDriver driver) {
		return Boolean.TRUE.equals(driver.executeScript("return window.__trafficLab.labels()"
				+ ".some((l) => /^src [\\d.:]+ → [\\d.:]+ \\(SNAT\\)$/.test(l.text))"));
	}

	/** What the live region says now (it keeps its last few sentences). */
	@SuppressWarnings("unchecked")
	private static List<String> liveRegion(ChromeDriver driver) {
		return (List<String>) driver.executeScript(
				"return [...document.querySelector('[data-part=announcer]').children].map((p) => p.textContent)");
	}

	private static Path stillFrame(String name) {
		return Path.of("target", "screenshots", name + ".png");
	}

	private static void deleteStillFrame(String name) {
		try {
			Files.deleteIfExists(stillFrame(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The canvas as it is drawn now, one frame, to {@code target/screenshots}. */
	private static void saveCanvas(ChromeDriver driver, String name) {
		String url = String.valueOf(driver
			.executeScript("return document.querySelector('[data-view=primary] canvas').toDataURL('image/png')"));
		try {
			Files.createDirectories(stillFrame(name).getParent());
			Files.write(stillFrame(name), Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
