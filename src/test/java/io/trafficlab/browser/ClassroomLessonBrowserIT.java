package io.trafficlab.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson taught in a room, in real browsers: a teacher starts lesson 3
 * ("uneven-distribution") step 2 in a room from the lesson's page; three students (one on
 * a phone) join and see step 2; two answer right and one wrong; the teacher sees 2 and 1;
 * the teacher reveals and every student sees the explanation with their own mark; the
 * teacher moves to step 3 and every student's page follows. Screenshots go to
 * {@code target/screenshots} ({@code class-*.png}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClassroomLessonBrowserIT extends BrowserTest {

	private static final String LESSON = "uneven-distribution";

	/** Step 2's question: the right choice, and a wrong one. */
	private static final int RIGHT = 2;

	private static final int WRONG = 1;

	private final List<HeadlessChromium> others = new ArrayList<>();

	@AfterEach
	void closeOthers() {
		this.others.forEach(HeadlessChromium::close);
	}

	@Test
	void aClassShouldPredictTogetherThenFollowTheTeacher() {
		ChromeDriver teacher = openPage(1366, 900, "/lessons/" + LESSON + "/2");
		String code = ClassPage.teachFromLessonStep(this.browser);
		assertThat(code).matches("[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}");
		LabPage.waitForScene(this.browser);
		assertThat(ClassPage.shownStep(teacher)).isEqualTo("2");

		HeadlessChromium first = student(1280, 800, code);
		HeadlessChromium second = student(1280, 800, code);
		HeadlessChromium phone = student(390, 844, code);
		List<HeadlessChromium> students = List.of(first, second, phone);
		for (HeadlessChromium student : students) {
			ClassPage.waitForStep(student, 2);
			assertThat(ClassPage.stepTitle(student.driver())).isEqualTo("It is the count per node");
			LabPage.waitForScene(student);
		}
		ClassPage.waitOn(this.browser).until((d) -> ClassPage.students(teacher).equals("3 students"));

		ClassPage.answer(first, 1, RIGHT);
		ClassPage.answer(second, 1, RIGHT);
		ClassPage.answer(phone, 1, WRONG);
		assertThat(ClassPage.yourAnswer(phone.driver(), 1)).startsWith("Your answer: They even out")
			.endsWith("you can change it until your teacher reveals.");
		// Nobody sees the others' answers, nor yet whether theirs is right
		for (HeadlessChromium student : students) {
			assertThat(ClassPage.verdict(student.driver(), 1)).isNull();
			assertThat(student.driver().findElements(By.cssSelector("[data-class-counts]"))).isEmpty();
		}

		ClassPage.waitOn(this.browser)
			.until((d) -> ClassPage.count(teacher, 1, RIGHT).equals("2")
					&& ClassPage.count(teacher, 1, WRONG).equals("1"));
		assertThat(ClassPage.count(teacher, 1, 3)).isEqualTo("0");
		assertThat(ClassPage.answered(teacher, 1)).isEqualTo("3 of 3 answered");
		this.browser.screenshot("class-teacher");

		ClassPage.reveal(teacher, 1);
		for (HeadlessChromium student : students) {
			ClassPage.waitOn(student).until((d) -> ClassPage.verdict(student.driver(), 1) != null);
		}
		assertThat(ClassPage.verdict(first.driver(), 1)).isEqualTo("right");
		assertThat(ClassPage.verdict(second.driver(), 1)).isEqualTo("right");
		assertThat(ClassPage.verdict(phone.driver(), 1)).isEqualTo("wrong");
		assertThat(ClassPage.question(phone.driver(), 1).getText()).contains("Not quite.", "your answer", "n2 fails");
		ClassPage.waitOn(this.browser)
			.until((d) -> d.findElement(By.cssSelector("[data-part=explanation]")).isDisplayed());
		this.browser.screenshot("class-teacher-revealed");
		phone.screenshot("class-student-phone");
		first.screenshot("class-student");

		HeadlessChromium projector = projector(code);
		ClassPage.waitOn(projector).until((d) -> ClassPage.count(projector.driver(), 1, RIGHT).equals("2"));
		assertThat(
				projector.driver().findElement(By.cssSelector("[data-choice='" + RIGHT + "']")).getAttribute("class"))
			.contains("class-count--correct");
		assertThat(projector.driver().getPageSource()).doesNotContain("Quiet", "data-sandbox-id");
		projector.screenshot("class-projector");

		ClassPage.nextStep(teacher);
		ClassPage.waitForStep(this.browser, 3);
		for (HeadlessChromium student : students) {
			ClassPage.waitForStep(student, 3);
			assertThat(ClassPage.stepTitle(student.driver())).isEqualTo("Even counts, even load");
			assertThat(ClassPage.verdict(student.driver(), 1)).isNull();
			assertThat(student.severeConsoleEntries()).as("console errors").isEmpty();
		}
		assertNoSevereConsoleEntries();
	}

	private HeadlessChromium student(int width, int height, String code) {
		HeadlessChromium student = HeadlessChromium.start(1280, 900);
		this.others.add(student);
		student.emulateViewport(width, height);
		student.driver().get(origin() + "/rooms/" + code);
		return student;
	}

	private HeadlessChromium projector(String code) {
		HeadlessChromium projector = HeadlessChromium.start(1920, 1080);
		this.others.add(projector);
		projector.driver().get(origin() + "/rooms/" + code + "/projector");
		LabPage.waitForScene(projector);
		return projector;
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
