package io.trafficlab.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the frontend's dev dependency, the rules accessibility audits use) finds no
 * violation on any page type, the live ones after their sandbox has drawn and its panels
 * filled: the playground, a lesson step, a challenge, the plain live view, each kind of
 * embed, and the site's list and help pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserIT extends BrowserTest {

	private static final Path AXE = Path.of("frontend", "node_modules", "axe-core", "axe.min.js");

	private static final String RUN_AXE = "const done = arguments[arguments.length - 1];"
			+ "axe.run(document).then((r) => done(r.violations.map((v) => ({id: v.id, help: v.help,"
			+ "nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}))), (e) => done([{id: 'axe failed',"
			+ "help: String(e), nodes: []}]))";

	private final List<String> violations = new ArrayList<>();

	@Test
	void everyPageTypeShouldHaveNoAxeViolation() throws IOException {
		String axe = Files.readString(AXE);
		this.browser = HeadlessChromium.start(1366, 900);
		ChromeDriver driver = this.browser.driver();
		driver.manage().timeouts().scriptTimeout(LIVE);
		String origin = "http://localhost:" + this.port;
		for (String live : List.of("/?preset=uneven-3-1-0", "/lessons/cluster-client-ip/1",
				"/challenges/one-move-equal-shares", "/embed?preset=uneven-3-1-0&run=1",
				"/embed?lesson=uneven-distribution&step=2&run=1", "/embed?challenge=one-move-equal-shares&run=1")) {
			driver.get(origin + live);
			LabPage.waitForScene(this.browser);
			// the event list and the tables fill from the stream
			this.browser.waitUpTo(LIVE)
				.until((d) -> !d.findElements(By.cssSelector("[data-part=event-list] li")).isEmpty());
			audit(driver, axe, live);
		}
		// A class in a room: the teacher's page, then the students' view of it
		driver.get(origin + "/lessons/uneven-distribution/2");
		String code = ClassPage.teachFromLessonStep(this.browser);
		LabPage.waitForScene(this.browser);
		audit(driver, axe, "/rooms/{code}/teach");
		driver.get(origin + "/rooms/" + code);
		LabPage.waitForScene(this.browser);
		audit(driver, axe, "/rooms/{code} (a lesson)");
		for (String page : List.of("/live?preset=uneven-3-1-0", "/lessons", "/challenges", "/analyze", "/rooms",
				"/embed/help", "/embed?preset=uneven-3-1-0")) {
			driver.get(origin + page);
			audit(driver, axe, page);
		}
		assertThat(this.violations).as("axe-core violations").isEmpty();
	}

	private void audit(ChromeDriver driver, String axe, String page) {
		driver.executeScript(axe);
		List<?> found = (List<?>) driver.executeAsyncScript(RUN_AXE);
		for (Object violation : found) {
			Map<?, ?> v = (Map<?, ?>) violation;
			this.violations.add(page + ": " + v.get("id") + " (" + v.get("help") + ") at " + v.get("nodes"));
		}
	}

}
