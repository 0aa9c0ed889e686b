package io.trafficlab.browser;

import java.util.ArrayList;
import java.util.List;

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

	private final List<String> violations = new ArrayList<>();

	@Test
	void everyPageTypeShouldHaveNoAxeViolation() {
		AxeAudit axe = AxeAudit.load();
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

	private void audit(ChromeDriver driver, AxeAudit axe, String page) {
		this.violations.addAll(axe.violations(driver, page));
	}

}
