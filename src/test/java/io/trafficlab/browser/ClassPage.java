package io.trafficlab.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the pages of a class in a room (issue 16): the teacher's, a student's and the
 * projector's. Each method waits for what it needs, so tests read as the lesson goes.
 */
final class ClassPage {

	/** How long a class message may take to reach a page and show. */
	static final Duration FEW_SECONDS = Duration.ofSeconds(10);

	private static final By PANEL = By.cssSelector("[data-class-panel]");

	private ClassPage() {
	}

	/**
	 * From a lesson step's page: "Teach this step to a class"; answers the room's code
	 * once the teacher's page shows it.
	 */
	static String teachFromLessonStep(HeadlessChromium teacher) {
		ChromeDriver driver = teacher.driver();
		driver.findElement(By.cssSelector("[data-control=teach-step]")).click();
		teacher.waitUpTo(BrowserTest.LIVE).until((d) -> d.getCurrentUrl().endsWith("/teach"));
		return driver.findElement(By.cssSelector("[data-part=room-code]")).getText();
	}

	/** The step the page's lesson panel shows. */
	static String shownStep(ChromeDriver driver) {
		List<WebElement> panels = driver.findElements(PANEL);
		return panels.isEmpty() ? "" : panels.get(0).getDomAttribute("data-step");
	}

	/** A wait that looks again when htmx has just swapped what it was reading. */
	static WebDriverWait waitOn(HeadlessChromium browser) {
		WebDriverWait wait = browser.waitUpTo(FEW_SECONDS);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	static void waitForStep(HeadlessChromium browser, int step) {
		waitOn(browser).until((d) -> String.valueOf(step).equals(shownStep(browser.driver())));
	}

	static String stepTitle(ChromeDriver driver) {
		return driver.findElement(By.cssSelector("[data-class-panel] .lesson-title")).getText();
	}

	/** A student picks a choice of a question on their page and sends it. */
	static void answer(HeadlessChromium student, int question, int choice) {
		ChromeDriver driver = student.driver();
		WebElement section = question(driver, question);
		section.findElement(By.cssSelector("input[name=choice][value='" + choice + "']")).click();
		section.findElement(By.cssSelector("button[type=submit]")).click();
		waitOn(student)
			.until((d) -> String.valueOf(choice).equals(question(driver, question).getDomAttribute("data-answered")));
	}

	static WebElement question(ChromeDriver driver, int question) {
		return driver.findElement(By.cssSelector("[data-class-panel] [data-question='" + question + "'].question"));
	}

	/** "Your answer: … — you can change it until your teacher reveals". */
	static String yourAnswer(ChromeDriver driver, int question) {
		return question(driver, question).findElement(By.cssSelector("[data-part=your-answer]")).getText();
	}

	/**
	 * The count the teacher's page (or the projector) shows for one option of a question.
	 */
	static String count(ChromeDriver driver, int question, int choice) {
		return driver.findElement(By.cssSelector("[data-class-counts] [data-question='" + question + "'] [data-choice='"
				+ choice + "'] [data-part=count]"))
			.getText();
	}

	static String answered(ChromeDriver driver, int question) {
		return driver
			.findElement(By.cssSelector("[data-class-counts] [data-question='" + question + "'] [data-part=answered]"))
			.getText();
	}

	static String students(ChromeDriver driver) {
		return driver.findElement(By.cssSelector("[data-part=students]")).getText();
	}

	static void reveal(ChromeDriver teacher, int question) {
		teacher.findElement(By.cssSelector("button[data-teacher-action=reveal][data-question='" + question + "']"))
			.click();
	}

	/** The teacher's Next step button. */
	static void nextStep(ChromeDriver teacher) {
		teacher.findElement(By.cssSelector("[data-class-panel] .lesson-nav .button--primary[data-teacher-action=step]"))
			.click();
	}

	/**
	 * The verdict a student's page shows for a revealed question ({@code right},
	 * {@code wrong} or {@code none}), or {@code null} before the reveal.
	 */
	static String verdict(ChromeDriver driver, int question) {
		List<WebElement> explanations = question(driver, question).findElements(By.cssSelector("[data-explanation]"));
		return explanations.isEmpty() ? null : explanations.get(0).getDomAttribute("data-verdict");
	}

}
