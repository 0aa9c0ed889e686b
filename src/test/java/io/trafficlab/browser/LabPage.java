package io.trafficlab.browser;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser tests do on a page with a live sandbox view (playground, lesson,
 * challenge, room): read and drive it through the page's canvas, its policy controls and
 * its test hook {@code window.__trafficLab}.
 */
final class LabPage {

	private LabPage() {
	}

	/** Waits until the scene has its first statistics and the canvas its first frame. */
	static void waitForScene(HeadlessChromium browser) {
		browser.waitUpTo(BrowserTest.LIVE)
			.until((d) -> Boolean.TRUE.equals(browser.driver()
				.executeScript("const lab = window.__trafficLab; const s = lab && lab.scene();"
						+ "return !!(s && s.statistics && s.statistics.pods.length > 0 && lab.firstFrameAt !== null)")));
	}

	/**
	 * The first view's canvas, scrolled to the middle of the window (pointer actions must
	 * stay inside it).
	 */
	static WebElement canvas(ChromeDriver driver) {
		WebElement canvas = driver.findElement(By.cssSelector("[data-view=primary] canvas"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
		return canvas;
	}

	/** Where a pod or node is drawn, in canvas pixels: {@code {x, y}}. */
	@SuppressWarnings("unchecked")
	static Map<String, Number> locate(ChromeDriver driver, String name) {
		Object at = driver.executeScript("return window.__trafficLab.locate(arguments[0])", name);
		assertThat(at).as("where %s is drawn", name).isNotNull();
		return (Map<String, Number>) at;
	}

	/**
	 * Drags a pod onto a node (or another pod's place) on the canvas, as a mouse does:
	 * press, a few moves, release.
	 */
	static void drag(ChromeDriver driver, String pod, String target) {
		WebElement canvas = canvas(driver);
		Map<String, Number> from = locate(driver, pod);
		Map<String, Number> to = locate(driver, target);
		int dx = canvas.getRect().getWidth() / 2;
		int dy = canvas.getRect().getHeight() / 2;
		new Actions(driver).moveToElement(canvas, from.get("x").intValue() - dx, from.get("y").intValue() - dy)
			.clickAndHold()
			.moveByOffset(12, 6)
			.moveByOffset(40, 20)
			.moveToElement(canvas, to.get("x").intValue() - dx, to.get("y").intValue() - dy)
			.pause(Duration.ofMillis(150))
			.release()
			.perform();
	}

	/** Every pod the scene knows, terminating ones included, and its node. */
	@SuppressWarnings("unchecked")
	static Map<String, String> placement(ChromeDriver driver) {
		Map<String, Object> pods = (Map<String, Object>) driver.executeScript(
				"const out = {}; for (const p of window.__trafficLab.scene().pods) out[p.name] = p.node; return out");
		Map<String, String> placement = new TreeMap<>();
		pods.forEach((name, node) -> placement.put(name, String.valueOf(node)));
		return placement;
	}

	/** The scene's externalTrafficPolicy, as the simulation has it. */
	static String policy(ChromeDriver driver) {
		return String.valueOf(driver.executeScript("return window.__trafficLab.scene().service.externalTrafficPolicy"));
	}

	/** The policy the page's control shows as chosen, or "" when it has none. */
	static String checkedPolicy(ChromeDriver driver) {
		return String.valueOf(driver.executeScript(
				"const c = document.querySelector('fieldset[data-control=policy] input:checked'); return c ? c.value : ''"));
	}

	/** Clicks the policy control's label for {@code Cluster} or {@code Local}. */
	static void choosePolicy(ChromeDriver driver, String value) {
		driver.findElement(By.xpath("//fieldset[@data-control='policy']//label[input[@value='" + value + "']]"))
			.click();
	}

}
