package io.trafficlab.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embeds (playground, lesson step, challenge) at the sizes a docs page frames them,
 * opened directly with the viewport set to the frame's size: no text box overflows, no
 * text, button, canvas or credit line overlaps another (each as far as it is visible:
 * clipped by the boxes that scroll it), the canvas keeps a useful size, and nothing takes
 * the focus on load. The Fullscreen button shows only where the frame allows fullscreen,
 * and a challenge embed is solved by the right drag. Screenshots of each size go to
 * {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbedSizesBrowserIT extends BrowserTest {

	private static final Map<String, String> EMBEDS = Map.of("playground", "/embed?preset=uneven-3-1-0&run=1", "lesson",
			"/embed?lesson=uneven-distribution&step=2&run=1", "challenge",
			"/embed?challenge=one-move-equal-shares&run=1");

	private static final int[][] SIZES = { { 480, 320 }, { 800, 560 }, { 1024, 768 } };

	/**
	 * The boxes whose text must show whole, and which must not overlap one another: the
	 * panel's text, the controls, the view's head, the canvas and the credit line.
	 */
	private static final String BOXES = String.join(", ", ".lesson-panel :is(h1, p, legend, .choice, summary)",
			".challenge-panel :is(h1, h2, p, summary, .check__text, li:not([hidden]))", ".view-head :is(h2, dt, dd)",
			"button", "a.button", ".controls-bar :is(label, legend)", "canvas", ".embed-credit a");

	/**
	 * Each box as far as it shows (its rectangle cut by every ancestor that clips), then
	 * the problems: text wider than its box, two boxes that overlap without one holding
	 * the other.
	 */
	private static final String PROBLEMS = """
			const boxes = Array.from(document.querySelectorAll(arguments[0]));
			const shown = (el) => {
				let r = el.getBoundingClientRect();
				let box = { l: r.left, t: r.top, r: r.right, b: r.bottom };
				for (let a = el.parentElement; a !== null; a = a.parentElement) {
					const cs = getComputedStyle(a);
					if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
						const c = a.getBoundingClientRect();
						box = { l: Math.max(box.l, c.left), t: Math.max(box.t, c.top),
							r: Math.min(box.r, c.right), b: Math.min(box.b, c.bottom) };
					}
				}
				return box;
			};
			const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
				? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.innerText || '').trim().slice(0, 40) + '"';
			const problems = [];
			const visible = [];
			for (const el of boxes) {
				const cs = getComputedStyle(el);
				// not rendered: display none, visibility hidden, or inside a closed <details>
				if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) continue;
				const box = shown(el);
				if (box.r - box.l < 2 || box.b - box.t < 2) continue;
				visible.push({ el, box });
				if (cs.display !== 'inline' && el.tagName !== 'CANVAS' && el.scrollWidth > el.clientWidth + 1) {
					problems.push('overflows (' + el.scrollWidth + ' > ' + el.clientWidth + '): ' + name(el));
				}
			}
			for (let i = 0; i < visible.length; i++) {
				for (let j = i + 1; j < visible.length; j++) {
					const a = visible[i], b = visible[j];
					if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
					const w = Math.min(a.box.r, b.box.r) - Math.max(a.box.l, b.box.l);
					const h = Math.min(a.box.b, b.box.b) - Math.max(a.box.t, b.box.t);
					if (w > 1 && h > 1) problems.push('overlap ' + Math.round(w) + '×' + Math.round(h) + ': ' + name(a.el) + ' / ' + name(b.el));
				}
			}
			const page = document.documentElement;
			if (page.scrollWidth > page.clientWidth) problems.push('page scrolls sideways: ' + page.scrollWidth);
			return problems;
			""";

	@Test
	void everyEmbedShouldShowItsTextWholeAndApartAtEverySize() {
		this.browser = HeadlessChromium.start(1200, 1000);
		ChromeDriver driver = this.browser.driver();
		for (int[] size : SIZES) {
			viewport(driver, size[0], size[1]);
			for (String kind : List.of("playground", "lesson", "challenge")) {
				String at = kind + " at " + size[0] + "×" + size[1];
				driver.get("http://localhost:" + this.port + EMBEDS.get(kind));
				LabPage.waitForScene(this.browser);
				assertThat(problems(driver)).as(at).isEmpty();
				Map<String, Number> canvas = canvasSize(driver);
				assertThat(canvas.get("width").doubleValue()).as("canvas width, " + at)
					.isGreaterThanOrEqualTo(Math.min(432, size[0] - 40));
				assertThat(canvas.get("height").doubleValue()).as("canvas height, " + at).isGreaterThanOrEqualTo(240);
				assertThat(driver.executeScript("return document.activeElement === document.body"))
					.as("nothing takes the focus on load, " + at)
					.isEqualTo(true);
				this.browser.screenshot("embed-" + kind + "-" + size[0] + "x" + size[1]);
			}
		}
		assertNoSevereConsoleEntries();
	}

	@Test
	void fullscreenButtonShouldShowOnlyWhereTheFrameAllowsFullscreen() {
		this.browser = HeadlessChromium.start(1200, 1000);
		ChromeDriver driver = this.browser.driver();
		String app = "http://localhost:" + this.port;
		// a docs page on another origin frames the embed twice: without and with
		// allow="fullscreen" (a same-origin frame may go fullscreen without it)
		try (HostPage host = HostPage.start()) {
			driver.get(host.serve("/docs",
					"<!DOCTYPE html><html><head><meta charset=utf-8><title>Docs</title>"
							+ "<link rel=icon href=\"data:,\"></head>"
							+ "<body><iframe id=plain width=640 height=480 src='" + app + EMBEDS.get("playground")
							+ "'></iframe><iframe id=allowed allow=fullscreen width=640 height=480 src='" + app
							+ EMBEDS.get("challenge") + "'></iframe></body></html>"));
			framesShowFullscreenOnlyWhereAllowed(driver);
		}
	}

	private void framesShowFullscreenOnlyWhereAllowed(ChromeDriver driver) {
		driver.switchTo().frame(driver.findElement(By.id("plain")));
		LabPage.waitForScene(this.browser);
		WebElement plain = driver.findElement(By.cssSelector("[data-control=fullscreen]"));
		assertThat(driver.executeScript("return document.fullscreenEnabled")).isEqualTo(false);
		assertThat(plain.isDisplayed()).as("Fullscreen in a frame without allow=fullscreen").isFalse();
		assertThat(driver.findElement(By.cssSelector(".embed-credit a")).isDisplayed()).isTrue();
		driver.switchTo().defaultContent();
		driver.switchTo().frame(driver.findElement(By.id("allowed")));
		LabPage.waitForScene(this.browser);
		WebElement allowed = driver.findElement(By.cssSelector("[data-control=fullscreen]"));
		assertThat(allowed.isDisplayed()).as("Fullscreen in a frame with allow=fullscreen").isTrue();
		assertThat(label(allowed)).isEqualTo("Fullscreen");
		double framed = canvasSize(driver).get("width").doubleValue();
		driver.switchTo().defaultContent();
		assertThat(driver.executeScript("return document.activeElement === document.body"))
			.as("neither frame took the focus on load")
			.isEqualTo(true);
		driver.switchTo().frame(driver.findElement(By.id("allowed")));
		allowed.click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE
				.equals(driver.executeScript("return document.fullscreenElement === document.querySelector('main')")));
		// the frame now has the screen's size (headless: 800 × 600), and the canvas
		// follows
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript("return window.innerWidth !== 640"))
					&& canvasSize(driver).get("width").doubleValue() != framed);
		assertThat(label(allowed)).isEqualTo("Exit fullscreen");
		assertThat(problems(driver)).as("fullscreen").isEmpty();
		this.browser.screenshot("embed-challenge-fullscreen");
		allowed.click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript("return document.fullscreenElement === null")));
		assertThat(label(allowed)).isEqualTo("Fullscreen");
		driver.switchTo().defaultContent();
		this.browser.screenshot("embed-fullscreen-frames");
		assertNoSevereConsoleEntries();
	}

	@Test
	void challengeEmbedShouldBeSolvedByTheRightDrag() {
		this.browser = HeadlessChromium.start(1200, 1000);
		ChromeDriver driver = this.browser.driver();
		viewport(driver, 1024, 768);
		driver.get("http://localhost:" + this.port + EMBEDS.get("challenge"));
		LabPage.waitForScene(this.browser);
		assertThat(achieved(driver)).isEqualTo("false");
		new Select(driver.findElement(By.cssSelector("[data-control=speed]"))).selectByValue("5");
		LabPage.drag(driver, "web-1", "n3");
		this.browser.waitUpTo(LIVE).until((d) -> "true".equals(achieved(driver)));
		WebElement solved = driver.findElement(By.cssSelector("#challenge-check .solved"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'nearest'})", solved);
		assertThat(solved.isDisplayed()).isTrue();
		assertThat(solved.getText()).contains("Solved!");
		assertThat(problems(driver)).isEmpty();
		this.browser.screenshot("embed-challenge-solved-1024x768");
		assertNoSevereConsoleEntries();
	}

	/** The viewport of a frame this size (not a phone: no mobile emulation). */
	private static void viewport(ChromeDriver driver, int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	@SuppressWarnings("unchecked")
	private static List<String> problems(ChromeDriver driver) {
		return (List<String>) driver.executeScript(PROBLEMS, BOXES);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Number> canvasSize(ChromeDriver driver) {
		return (Map<String, Number>) driver
			.executeScript("const c = document.querySelector('[data-view=primary] canvas');"
					+ "return {width: c.clientWidth, height: c.clientHeight}");
	}

	/** A button's words, without its icon. */
	private static String label(WebElement button) {
		return button.findElement(By.cssSelector("[data-part=fullscreen-label]")).getText();
	}

	private static String achieved(ChromeDriver driver) {
		return String
			.valueOf(driver.executeScript("return document.getElementById('challenge-check').dataset.achieved"));
	}

}
