package io.trafficlab.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A classroom in real browsers, at most three at a time: a teacher opens a room on the playground, two students join
 * with the code and watch read-only, and the teacher's policy toggles reach both within seconds; a student's fork is a
 * sandbox of their own in the teacher's state; the projector view; the room ending under the students' eyes.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomBrowserIT extends BrowserTest {

	private static final Duration LIVE = Duration.ofSeconds(30);

	/** How soon a teacher's change must show on the students' screens. */
	private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

	@Autowired
	private SandboxRegistry registry;

	private HeadlessChromium firstStudent;

	private HeadlessChromium secondStudent;

	@AfterEach
	void closeStudents() {
		for (HeadlessChromium student : new HeadlessChromium[] { this.firstStudent, this.secondStudent }) {
			if (student != null) {
				student.close();
			}
		}
	}

	@Test
	void teacherPolicyToggleShouldReachBothStudentsWithinSeconds() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver teacher = this.browser.driver();
		teacher.get(origin() + "/?preset=uneven-3-1-0");
		waitForScene(this.browser);
		String sandboxId = teacher.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		String code = openRoom(teacher);
		assertThat(code).matches("[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}");

		// One student types the code in lower case without the dash, the other opens the room's address
		this.firstStudent = HeadlessChromium.start(1280, 900);
		ChromeDriver first = this.firstStudent.driver();
		first.get(origin() + "/rooms");
		first.findElement(By.id("room-code")).sendKeys(code.replace("-", "").toLowerCase());
		first.findElement(By.cssSelector(".room-join__form button[type=submit]")).click();
		// The other student is on a phone
		this.secondStudent = HeadlessChromium.start(1280, 900);
		this.secondStudent.emulateViewport(390, 844);
		ChromeDriver second = this.secondStudent.driver();
		second.get(origin() + "/rooms/" + code);
		waitForScene(this.firstStudent);
		waitForScene(this.secondStudent);
		assertThat(first.getCurrentUrl()).isEqualTo(origin() + "/rooms/" + code);
		assertThat(policy(first)).isEqualTo("Local");
		assertThat(policy(second)).isEqualTo("Local");

		// Read-only: no sandbox id, no controls, and a drag moves nothing
		for (ChromeDriver student : List.of(first, second)) {
			assertThat(student.getPageSource()).doesNotContain(sandboxId);
			assertThat(student.findElements(By.cssSelector("[data-control=policy], [data-command], [data-sandbox-id]")))
				.isEmpty();
		}
		Map<String, String> placement = placement(teacher);
		drag(first, "web-1", "web-4");
		assertThat(first.executeScript("return window.__trafficLab.scene().pods.some((p) => p.status === 'TERMINATING')"))
			.isEqualTo(Boolean.FALSE);
		assertThat(placement(teacher)).isEqualTo(placement);
		this.browser.waitUpTo(LIVE).until((d) -> watching(teacher).startsWith("2 browsers are watching"));
		this.browser.screenshot("classroom-teacher");

		for (String wanted : List.of("Cluster", "Local")) {
			clickPolicy(teacher, wanted);
			long started = System.nanoTime();
			this.firstStudent.waitUpTo(FEW_SECONDS).until((d) -> wanted.equals(policy(first)));
			this.secondStudent.waitUpTo(FEW_SECONDS).until((d) -> wanted.equals(policy(second)));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FEW_SECONDS);
			for (ChromeDriver student : List.of(first, second)) {
				this.firstStudent.waitUpTo(FEW_SECONDS).until((d) -> serviceYaml(student)
					.contains("externalTrafficPolicy: " + wanted));
			}
			if (wanted.equals("Cluster")) {
				this.firstStudent.screenshot("classroom-student-cluster");
			}
		}
		this.secondStudent.screenshot("classroom-student-phone");
		assertThat(this.firstStudent.severeConsoleEntries()).as("console errors").isEmpty();
		assertThat(this.secondStudent.severeConsoleEntries()).as("console errors").isEmpty();
		assertThat(this.browser.severeConsoleEntries()).as("console errors").isEmpty();
	}

	@Test
	void forkShouldOpenAnEditableSandboxOfTheStudentsOwnInTheTeachersState() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver teacher = this.browser.driver();
		teacher.get(origin() + "/?preset=uneven-3-1-0");
		waitForScene(this.browser);
		String teacherId = teacher.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		clickPolicy(teacher, "Cluster");
		this.browser.waitUpTo(LIVE).until((d) -> "Cluster".equals(policy(teacher)));
		String code = openRoom(teacher);

		this.firstStudent = HeadlessChromium.start(1280, 900);
		ChromeDriver student = this.firstStudent.driver();
		student.get(origin() + "/rooms/" + code);
		waitForScene(this.firstStudent);
		String room = student.getWindowHandle();
		student.findElement(By.cssSelector("[data-control=fork]")).click();
		this.firstStudent.waitUpTo(LIVE).until((d) -> d.getWindowHandles().size() == 2);
		String fork = student.getWindowHandles().stream().filter((handle) -> !handle.equals(room)).findFirst().orElseThrow();
		student.switchTo().window(fork);
		waitForScene(this.firstStudent);
		assertThat(student.getCurrentUrl()).startsWith(origin() + "/?s=");
		String forkId = student.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		assertThat(forkId).isNotEqualTo(teacherId);
		assertThat(this.registry.find(forkId)).isPresent();
		assertThat(policy(student)).isEqualTo("Cluster");
		assertThat(placement(student)).isEqualTo(placement(teacher));

		// The fork is the student's: its controls work, and change neither the teacher's sandbox nor the room
		clickPolicy(student, "Local");
		this.firstStudent.waitUpTo(LIVE).until((d) -> "Local".equals(policy(student)));
		this.firstStudent.screenshot("classroom-fork");
		student.switchTo().window(room);
		assertThat(policy(student)).isEqualTo("Cluster");
		assertThat(policy(teacher)).isEqualTo("Cluster");
		assertThat(this.registry.find(teacherId).orElseThrow().manifests()).contains("externalTrafficPolicy: Cluster");
		assertThat(this.firstStudent.severeConsoleEntries()).as("console errors").isEmpty();
	}

	@Test
	void projectorShouldShowTheCodeLargeAndTheRoomShouldEndWithTheTeachersSandbox() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver teacher = this.browser.driver();
		// A teacher's bookmark: the playground opens a room by itself
		teacher.get(origin() + "/rooms/new?preset=uneven-3-1-0");
		waitForScene(this.browser);
		String teacherId = teacher.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		WebElement banner = teacher.findElement(By.cssSelector("[data-part=room-banner]"));
		this.browser.waitUpTo(LIVE).until((d) -> banner.isDisplayed());
		String code = banner.findElement(By.cssSelector("[data-room=code]")).getText();
		assertThat(teacher.findElement(By.cssSelector("[data-preset-title]")).getText()).isEqualTo("Uneven pods 3/1/0");

		this.firstStudent = HeadlessChromium.start(1920, 1080);
		ChromeDriver projector = this.firstStudent.driver();
		projector.get(origin() + "/rooms/" + code + "/projector");
		waitForScene(this.firstStudent);
		WebElement shown = projector.findElement(By.cssSelector("[data-part=room-code]"));
		assertThat(shown.getText()).isEqualTo(code);
		assertThat(pixels(shown.getCssValue("font-size"))).isGreaterThanOrEqualTo(48);
		assertThat(projector.findElement(By.cssSelector(".projector-bar__join")).getText())
			.contains("localhost:" + this.port + "/rooms");
		assertThat(projector.findElement(By.cssSelector("[data-view=primary] canvas")).getRect().getWidth())
			.isGreaterThan(1800);
		this.firstStudent.screenshot("classroom-projector");

		this.secondStudent = HeadlessChromium.start(1280, 900);
		ChromeDriver student = this.secondStudent.driver();
		student.get(origin() + "/rooms/" + code);
		waitForScene(this.secondStudent);

		// The teacher's sandbox ends (here: deleted, as the idle sweep would): both screens say so at once
		this.registry.end(teacherId);
		for (HeadlessChromium watcher : List.of(this.firstStudent, this.secondStudent)) {
			watcher.waitUpTo(FEW_SECONDS).until((d) -> d.findElement(By.cssSelector("[data-part=room-ended]")).isDisplayed());
			assertThat(watcher.driver().findElement(By.cssSelector("[data-part=room-ended]")).getText())
				.contains("This room has ended: the teacher's sandbox ended.");
		}
		assertThat(student.findElement(By.cssSelector("[data-control=fork]")).isDisplayed()).isFalse();
		this.secondStudent.screenshot("classroom-student-ended");
		student.get(origin() + "/rooms/" + code);
		assertThat(student.findElement(By.cssSelector("[data-part=join-error]")).getText())
			.contains("This room has ended");
		student.get(origin() + "/rooms/ZZZ-ZZZ");
		assertThat(student.findElement(By.cssSelector("[data-part=join-error]")).getText())
			.contains("There is no room ZZZ-ZZZ");
		this.secondStudent.screenshot("classroom-unknown-code");
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

	/** Opens a room from the playground's button; answers the code the banner shows. */
	private String openRoom(ChromeDriver teacher) {
		teacher.findElement(By.cssSelector("[data-control=open-room]")).click();
		WebElement banner = teacher.findElement(By.cssSelector("[data-part=room-banner]"));
		this.browser.waitUpTo(LIVE).until((d) -> banner.isDisplayed());
		return banner.findElement(By.cssSelector("[data-room=code]")).getText();
	}

	private static void waitForScene(HeadlessChromium browser) {
		browser.waitUpTo(LIVE).until((d) -> Boolean.TRUE.equals(browser.driver().executeScript(
				"const lab = window.__trafficLab; const s = lab && lab.scene();"
						+ "return !!(s && s.statistics && s.statistics.pods.length > 0 && lab.firstFrameAt !== null)")));
	}

	private static String policy(ChromeDriver driver) {
		return String.valueOf(driver.executeScript("return window.__trafficLab.scene().service.externalTrafficPolicy"));
	}

	private static void clickPolicy(ChromeDriver teacher, String value) {
		teacher.findElement(By.xpath("//fieldset[@data-control='policy']//label[input[@value='" + value + "']]")).click();
	}

	private static String serviceYaml(ChromeDriver driver) {
		return driver.findElement(By.cssSelector("[data-part=service-yaml]")).getText();
	}

	private static String watching(ChromeDriver teacher) {
		return teacher.findElement(By.cssSelector("[data-room=watching]")).getText();
	}

	/** Drags one pod onto another's place, as a teacher would move it. */
	@SuppressWarnings("unchecked")
	private static void drag(ChromeDriver driver, String pod, String onto) {
		WebElement canvas = driver.findElement(By.cssSelector("[data-view=primary] canvas"));
		Map<String, Number> from = (Map<String, Number>) driver.executeScript("return window.__trafficLab.locate(arguments[0])", pod);
		Map<String, Number> to = (Map<String, Number>) driver.executeScript("return window.__trafficLab.locate(arguments[0])", onto);
		int dx = canvas.getRect().getWidth() / 2;
		int dy = canvas.getRect().getHeight() / 2;
		new Actions(driver).moveToElement(canvas, from.get("x").intValue() - dx, from.get("y").intValue() - dy)
			.clickAndHold()
			.moveByOffset(12, 6)
			.moveToElement(canvas, to.get("x").intValue() - dx, to.get("y").intValue() - dy + 40)
			.pause(Duration.ofMillis(150))
			.release()
			.pause(Duration.ofMillis(1000))
			.perform();
	}

	/** Every pod the scene knows and its node. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> placement(ChromeDriver driver) {
		Map<String, Object> pods = (Map<String, Object>) driver.executeScript(
				"const out = {}; for (const p of window.__trafficLab.scene().pods) out[p.name] = p.node; return out");
		Map<String, String> placement = new TreeMap<>();
		pods.forEach((name, node) -> placement.put(name, String.valueOf(node)));
		return placement;
	}

	private static int pixels(String cssLength) {
		return (int) Math.round(Double.parseDouble(cssLength.replace("px", "")));
	}


}
