package io.trafficlab.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A challenge set for a class, in real browsers (the teacher's, one student's, the
 * projector's; two more students join over the API): the teacher opens a room from a
 * lesson step and sets {@code n3-passes-health-check} on the dashboard; the student's
 * room page invites them, they show a hint and make the right drag on their own sandbox;
 * the dashboard's row turns solved and the projector says "1 of 3 solved"; the teacher
 * shows that sandbox on the projector (and the student's room page), anonymously, then
 * goes back; the Anonymous switch hides the names; the CSV has one row per student.
 * axe-core finds no violation on the student's challenge page nor on the teacher's
 * dashboard. Screenshots: {@code class-dashboard*.png},
 * {@code class-teacher-challenge.png}, {@code class-student-challenge.png},
 * {@code class-projector-solution.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomChallengeBrowserIT extends BrowserTest {

	private static final String CHALLENGE = "n3-passes-health-check";

	private final List<HeadlessChromium> others = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void closeOthers() {
		this.others.forEach(HeadlessChromium::close);
	}

	@Test
	void aStudentShouldSolveTheChallengeAndTheTeacherShowAndExportIt() throws Exception {
		ChromeDriver teacher = openPage(1366, 900, "/lessons/uneven-distribution/2");
		String code = ClassPage.teachFromLessonStep(this.browser);
		LabPage.waitForScene(this.browser);
		HeadlessChromium solver = browser(1280, 800, "/rooms/" + code);
		ChromeDriver student = solver.driver();
		ClassPage.waitForStep(solver, 2);
		String name = ClassDashboard.myName(student);
		String heron = join(code, "Brave Heron");
		join(code, "Calm Lynx");
		HeadlessChromium projector = browser(1280, 720, "/rooms/" + code + "/projector");
		LabPage.waitForScene(projector);

		ClassDashboard.setChallenge(this.browser, CHALLENGE);
		ClassPage.waitOn(this.browser).until((d) -> ClassDashboard.summary(teacher).contains("0 of 3 solved"));
		post(code, "/students/me/sandbox", heron);
		post(code, "/students/me/hints", heron);
		ClassPage.waitOn(this.browser)
			.until((d) -> ClassDashboard.rows(teacher)
				.contains("Brave Heron | 0 answered · 0 right | 1 of 2 conditions hold | – | 1"));
		assertThat(ClassDashboard.rows(teacher)).hasSize(3)
			.contains("Calm Lynx | 0 answered · 0 right | not started | – | 0");

		// The student's room page invites them (it reloads for the challenge)
		this.browser.waitUpTo(LIVE)
			.until((d) -> student.findElement(By.cssSelector("[data-part=challenge-call]")).isDisplayed());
		assertThat(student.findElement(By.cssSelector("[data-part=challenge-call]")).getText())
			.contains("Your teacher set a challenge: Make n3 pass the health check");
		solver.screenshot("class-student-invited");
		student.findElement(By.cssSelector("[data-control=start-challenge]")).click();
		LabPage.waitForScene(solver);
		assertThat(student.getCurrentUrl()).endsWith("/rooms/" + code + "/challenge");
		solver.waitUpTo(LIVE).until((d) -> "false".equals(achieved(student)));
		student.findElement(By.cssSelector("[data-control=hint]")).click();
		new Select(student.findElement(By.cssSelector("[data-control=speed]"))).selectByValue("5");
		String onN1 = LabPage.placement(student)
			.entrySet()
			.stream()
			.filter((pod) -> pod.getValue().equals("n1"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		LabPage.drag(student, onN1, "n3");
		solver.waitUpTo(LIVE).until((d) -> "true".equals(achieved(student)));
		Map<String, Long> solution = ClassDashboard.podsPerNode(student);
		assertThat(solution).containsEntry("n3", 1L);
		solver.screenshot("class-student-challenge");
		AxeAudit axe = AxeAudit.load();
		student.manage().timeouts().scriptTimeout(LIVE);
		assertThat(axe.violations(student, "a student's challenge page")).as("axe-core violations").isEmpty();

		String ref = ClassDashboard.ref(teacher, name);
		assertThat(ref).as("the dashboard's row of %s", name).isNotNull();
		this.browser.waitUpTo(LIVE).until((d) -> ClassDashboard.solved(teacher, ref));
		assertThat(ClassDashboard.rows(teacher))
			.contains(name + " | 0 answered · 0 right | 2 of 2 conditions hold | ✓ solved | 1");
		ClassPage.waitOn(projector)
			.until((d) -> "1 of 3 solved".equals(d.findElement(By.cssSelector("[data-part=solved]")).getText()));
		ClassDashboard.screenshot(teacher, "class-dashboard");

		// Back on the room page, the student sees their own solution when the teacher
		// shows it, as the projector does, without their name
		student.findElement(By.cssSelector("[data-control=back-to-room]")).click();
		LabPage.waitForScene(solver);
		teacher.findElement(By.id("class-show-" + ref)).click();
		for (HeadlessChromium page : List.of(projector, solver)) {
			page.waitUpTo(LIVE)
				.until((d) -> ClassDashboard.showingNote(page.driver()).equals("Showing a student’s solution"));
			page.waitUpTo(LIVE).until((d) -> solution.equals(ClassDashboard.podsPerNode(page.driver())));
		}
		assertThat(projector.driver().getPageSource()).doesNotContain(name);
		projector.screenshot("class-projector-solution");
		ClassPage.waitOn(this.browser).until((d) -> !d.findElements(By.id("class-stop-showing")).isEmpty());
		assertThat(ClassDashboard.summary(teacher)).contains("1 of 3 solved");
		teacher.findElement(By.id("class-stop-showing")).click();
		Map<String, Long> teachers = ClassDashboard.podsPerNode(teacher);
		assertThat(teachers).isNotEqualTo(solution);
		projector.waitUpTo(LIVE)
			.until((d) -> ClassDashboard.showingNote(projector.driver()).isEmpty()
					&& teachers.equals(ClassDashboard.podsPerNode(projector.driver())));

		teacher.findElement(By.id("class-anonymous")).click();
		ClassPage.waitOn(this.browser)
			.until((d) -> ClassDashboard.rows(teacher).stream().allMatch((row) -> row.startsWith("Student ")));
		assertThat(teacher.findElement(By.id("class-dashboard")).getText()).doesNotContain(name, "Brave Heron");
		ClassDashboard.screenshot(teacher, "class-dashboard-anonymous");
		this.browser.screenshot("class-teacher-challenge");
		teacher.manage().timeouts().scriptTimeout(LIVE);
		assertThat(axe.violations(teacher, "the teacher's page with the dashboard")).as("axe-core violations")
			.isEmpty();

		String csv = ClassDashboard.download(teacher, "[data-control=results-csv]");
		List<String> lines = csv.replace("\"", "").lines().toList();
		assertThat(lines).hasSize(4)
			.first()
			.isEqualTo("name,predictions answered,predictions right,challenges solved,hints used");
		assertThat(lines).contains(name + ",0,0,1,1", "Brave Heron,0,0,0,1", "Calm Lynx,0,0,0,0");

		assertThat(solver.severeConsoleEntries()).as("the student's console").isEmpty();
		assertThat(projector.severeConsoleEntries()).as("the projector's console").isEmpty();
		assertNoSevereConsoleEntries();
	}

	private HeadlessChromium browser(int width, int height, String path) {
		HeadlessChromium browser = HeadlessChromium.start(width, height);
		this.others.add(browser);
		browser.driver().get(origin() + path);
		return browser;
	}

	/** A student who joins over the API; answers their token. */
	private String join(String code, String name) throws IOException, InterruptedException {
		HttpResponse<String> joined = this.http.send(HttpRequest
			.newBuilder(URI.create(origin() + "/api/v1/rooms/" + code + "/students?name=" + name.replace(" ", "%20")))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(joined.statusCode()).isEqualTo(201);
		return JsonPath.read(joined.body(), "$.token");
	}

	private void post(String code, String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> answer = this.http
			.send(HttpRequest.newBuilder(URI.create(origin() + "/api/v1/rooms/" + code + path))
				.header("X-Student-Token", token)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isBetween(200, 201);
	}

	private static String achieved(ChromeDriver driver) {
		return String
			.valueOf(driver.executeScript("return document.getElementById('challenge-check').dataset.achieved"));
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
