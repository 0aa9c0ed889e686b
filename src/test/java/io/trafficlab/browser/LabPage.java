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
		int[] from = offsetFromInViewCenter(driver, canvas, locate(driver, pod));
		int[] to = offsetFromInViewCenter(driver, canvas, locate(driver, target));
		new Actions(driver).moveToElement(canvas, from[0], from[1])
			.clickAndHold()
			.moveByOffset(12, 6)
			.moveByOffset(40, 20)
			.moveToElement(canvas, to[0], to[1])
			.pause(Duration.ofMillis(150))
			.release()
			.perform();
	}

	/**
	 * The offset that {@code moveToElement(canvas, dx, dy)} needs to reach a point drawn
	 * at {@code at} (CSS px from the canvas' corner). WebDriver measures offsets from the
	 * element's in-view center: the center of the part inside the viewport, which is not
	 * the canvas' own center when the canvas does not fit the window.
	 */
	@SuppressWarnings("unchecked")
	static int[] offsetFromInViewCenter(ChromeDriver driver, WebElement canvas, Map<String, Number> at) {
		Map<String, Number> offset = (Map<String, Number>) driver.executeScript("const r = arguments[0]"
				+ ".getBoundingClientRect(); const cx = Math.floor((Math.max(r.left, 0)"
				+ " + Math.min(r.right, window.innerWidth)) / 2); const cy = Math.floor((Math.max(r.top, 0)"
				+ " + Math.min(r.bottom, window.innerHeight)) / 2);"
				+ "return {dx: Math.round(r.left + arguments[1] - cx), dy: Math.round(r.top + arguments[2] - cy)}",
				canvas, at.get("x").doubleValue(), at.get("y").doubleValue());
		return new int[] { offset.get("dx").intValue(), offset.get("dy").intValue() };
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

	/**
	 * Opens "More controls" where the bar is short (a lesson step, a phone), so that the
	 * rest of the controls can be clicked; elsewhere it shows them already.
	 */
	static void openMoreControls(ChromeDriver driver) {
		WebElement more = driver.findElement(By.cssSelector("[data-control=more]"));
		if (more.isDisplayed() && "false".equals(more.getDomAttribute("aria-expanded"))) {
			more.click();
		}
	}

}
