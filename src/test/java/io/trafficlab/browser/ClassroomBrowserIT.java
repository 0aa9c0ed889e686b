package io.trafficlab.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * A classroom in real browsers, at most three at a time: a teacher opens a room on the
 * playground, two students join with the code and watch read-only, and the teacher's
 * policy toggles reach both within seconds; a student's fork is a sandbox of their own in
 * the teacher's state; the projector view; the room ending under the students' eyes.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomBrowserIT extends BrowserTest {

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
		LabPage.waitForScene(this.browser);
		String sandboxId = teacher.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		String code = openRoom(teacher);
		assertThat(code).matches("[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}");

		// One student types the code in lower case without the dash, the other opens the
		// room's address
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
		LabPage.waitForScene(this.firstStudent);
		LabPage.waitForScene(this.secondStudent);
		assertThat(first.getCurrentUrl()).isEqualTo(origin() + "/rooms/" + code);
		assertThat(LabPage.policy(first)).isEqualTo("Local");
		assertThat(LabPage.policy(second)).isEqualTo("Local");

		// Read-only: no sandbox id, no controls, and a drag moves nothing
		for (ChromeDriver student : List.of(first, second)) {
			assertThat(student.getPageSource()).doesNotContain(sandboxId);
			assertThat(student.findElements(By.cssSelector("[data-control=policy], [data-command], [data-sandbox-id]")))
				.isEmpty();
		}
		Map<String, String> placement = LabPage.placement(teacher);
		// The room view locates only pods: drag onto another pod's place, then give a
		// move a moment to show
		LabPage.drag(first, "web-1", "web-4");
		new Actions(first).pause(Duration.ofSeconds(1)).perform();
		assertThat(
				first.executeScript("return window.__trafficLab.scene().pods.some((p) => p.status === 'terminating')"))
			.isEqualTo(Boolean.FALSE);
		assertThat(LabPage.placement(teacher)).isEqualTo(placement);
		this.browser.waitUpTo(LIVE).until((d) -> watching(teacher).startsWith("2 browsers are watching"));
		this.browser.screenshot("classroom-teacher");

		for (String wanted : List.of("Cluster", "Local")) {
			LabPage.choosePolicy(teacher, wanted);
			long started = System.nanoTime();
			this.firstStudent.waitUpTo(FEW_SECONDS).until((d) -> wanted.equals(LabPage.policy(first)));
			this.secondStudent.waitUpTo(FEW_SECONDS).until((d) -> wanted.equals(LabPage.policy(second)));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FEW_SECONDS);
			for (ChromeDriver student : List.of(first, second)) {
				this.firstStudent.waitUpTo(FEW_SECONDS)
					.until((d) -> serviceYaml(student).contains("externalTrafficPolicy: " + wanted));
			}
			if (wanted.equals("Cluster")) {
				this.firstStudent.screenshot("classroom-student-cluster");
			}
		}
		this.secondStudent.screenshot("classroom-student-phone");
		assertThat(this.firstStudent.severeConsoleEntries()).as("console errors").isEmpty();
		assertThat(this.secondStudent.severeConsoleEntries()).as("console errors").isEmpty();
		assertNoSevereConsoleEntries();
	}

	@Test
	void forkShouldOpenAnEditableSandboxOfTheStudentsOwnInTheTeachersState() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver teacher = this.browser.driver();
		teacher.get(origin() + "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		String teacherId = teacher.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		LabPage.choosePolicy(teacher, "Cluster");
		this.browser.waitUpTo(LIVE).until((d) -> "Cluster".equals(LabPage.policy(teacher)));
		String code = openRoom(teacher);

		this.firstStudent = HeadlessChromium.start(1280, 900);
		ChromeDriver student = this.firstStudent.driver();
		student.get(origin() + "/rooms/" + code);
		LabPage.waitForScene(this.firstStudent);
		String room = student.getWindowHandle();
		student.findElement(By.cssSelector("[data-control=fork]")).click();
		this.firstStudent.waitUpTo(LIVE).until((d) -> d.getWindowHandles().size() == 2);
		String fork = student.getWindowHandles()
			.stream()
			.filter((handle) -> !handle.equals(room))
			.findFirst()
			.orElseThrow();
		student.switchTo().window(fork);
		LabPage.waitForScene(this.firstStudent);
		assertThat(student.getCurrentUrl()).startsWith(origin() + "/?s=");
		String forkId = student.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		assertThat(forkId).isNotEqualTo(teacherId);
		assertThat(this.registry.find(forkId)).isPresent();
		assertThat(LabPage.policy(student)).isEqualTo("Cluster");
		assertThat(LabPage.placement(student)).isEqualTo(LabPage.placement(teacher));

		// The fork is the student's: its controls work, and change neither the teacher's
		// sandbox nor the room
		LabPage.choosePolicy(student, "Local");
		this.firstStudent.waitUpTo(LIVE).until((d) -> "Local".equals(LabPage.policy(student)));
		this.firstStudent.screenshot("classroom-fork");
		student.switchTo().window(room);
		assertThat(LabPage.policy(student)).isEqualTo("Cluster");
		assertThat(LabPage.policy(teacher)).isEqualTo("Cluster");
		assertThat(this.registry.find(teacherId).orElseThrow().manifests()).contains("externalTrafficPolicy: Cluster");
		assertThat(this.firstStudent.severeConsoleEntries()).as("console errors").isEmpty();
	}

	@Test
	void projectorShouldShowTheCodeLargeAndTheRoomShouldEndWithTheTeachersSandbox() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver teacher = this.browser.driver();
		// A teacher's bookmark: the playground opens a room by itself
		teacher.get(origin() + "/rooms/new?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		String teacherId = teacher.findElement(By.id("playground")).getDomAttribute("data-sandbox-id");
		WebElement banner = teacher.findElement(By.cssSelector("[data-part=room-banner]"));
		this.browser.waitUpTo(LIVE).until((d) -> banner.isDisplayed());
		String code = banner.findElement(By.cssSelector("[data-room=code]")).getText();
		assertThat(teacher.findElement(By.cssSelector("[data-preset-title]")).getText()).isEqualTo("Uneven pods 3/1/0");

		this.firstStudent = HeadlessChromium.start(1920, 1080);
		ChromeDriver projector = this.firstStudent.driver();
		projector.get(origin() + "/rooms/" + code + "/projector");
		LabPage.waitForScene(this.firstStudent);
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
		LabPage.waitForScene(this.secondStudent);

		// The teacher's sandbox ends (here: deleted, as the idle sweep would): both
		// screens say so at once
		this.registry.end(teacherId);
		for (HeadlessChromium watcher : List.of(this.firstStudent, this.secondStudent)) {
			watcher.waitUpTo(FEW_SECONDS)
				.until((d) -> d.findElement(By.cssSelector("[data-part=room-ended]")).isDisplayed());
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
	@Test
	void aChallengeSetOnAPlaygroundRoomShouldTakeItsStudentsToTheirOwnChallenge() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver teacher = this.browser.driver();
		teacher.get(origin() + "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		String code = openRoom(teacher);
		WebElement teacherPage = teacher.findElement(By.cssSelector("[data-room=teacher]"));
		assertThat(teacherPage.isDisplayed()).isTrue();
		assertThat(teacherPage.getDomAttribute("href")).endsWith("/rooms/" + code + "/teach");

		this.firstStudent = HeadlessChromium.start(1280, 900);
		ChromeDriver student = this.firstStudent.driver();
		student.get(origin() + "/rooms/" + code);
		LabPage.waitForScene(this.firstStudent);
		assertThat(student.getCurrentUrl()).isEqualTo(origin() + "/rooms/" + code);

		// The teacher's controls go with the cookie the room's opening gave the teacher's
		// browser
		Object status = teacher.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "fetch('/api/v1/rooms/" + code + "/challenge?id=n3-passes-health-check', {method: 'PUT'})"
				+ ".then((r) => done(r.status), () => done(-1));");
		assertThat(status).isEqualTo(200L);
		this.firstStudent.waitUpTo(Duration.ofSeconds(10))
			.until((d) -> student.getCurrentUrl().endsWith("/rooms/" + code + "/challenge"));
		LabPage.waitForScene(this.firstStudent);
		assertThat(student.findElement(By.cssSelector("[data-challenge-panel] h1")).getText())
			.isEqualTo("Make n3 pass the health check");
	}

	private String openRoom(ChromeDriver teacher) {
		teacher.findElement(By.cssSelector("[data-control=open-room]")).click();
		WebElement banner = teacher.findElement(By.cssSelector("[data-part=room-banner]"));
		this.browser.waitUpTo(LIVE).until((d) -> banner.isDisplayed());
		return banner.findElement(By.cssSelector("[data-room=code]")).getText();
	}

	private static String serviceYaml(ChromeDriver driver) {
		return driver.findElement(By.cssSelector("[data-part=service-yaml]")).getText();
	}

	private static String watching(ChromeDriver teacher) {
		return teacher.findElement(By.cssSelector("[data-room=watching]")).getText();
	}

	private static int pixels(String cssLength) {
		return (int) Math.round(Double.parseDouble(cssLength.replace("px", "")));
	}

}
