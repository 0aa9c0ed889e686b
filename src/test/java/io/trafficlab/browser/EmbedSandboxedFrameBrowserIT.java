package io.trafficlab.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embed in the frames docs platforms make, on a page of another site: sandboxed with
 * {@code allow-scripts} only (an opaque origin: WordPress's frames, many LMS pages), with
 * {@code allow-same-origin} too, and unsandboxed. In each, Start runs the sandbox, the
 * stream draws it, a command changes it, a lesson's question is answered, and the console
 * stays clean.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbedSandboxedFrameBrowserIT extends BrowserTest {

	private final HostPage host = HostPage.start();

	@AfterEach
	void closeHost() {
		this.host.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "allow-scripts", "allow-scripts allow-same-origin", "" })
	void playgroundEmbedShouldRunAndTakeCommandsInTheFrame(String sandbox) {
		ChromeDriver driver = openHost(sandbox, "/embed?preset=uneven-3-1-0");
		start(driver);
		LabPage.waitForScene(this.browser);
		assertThat(String.valueOf(driver.executeScript("return window.origin")))
			.isEqualTo(sandbox.equals("allow-scripts") ? "null" : "http://localhost:" + this.port);
		String before = LabPage.policy(driver);
		String other = before.equals("Local") ? "Cluster" : "Local";
		LabPage.choosePolicy(driver, other);
		this.browser.waitUpTo(LIVE).until((d) -> LabPage.policy(driver).equals(other));
		driver.switchTo().defaultContent();
		this.browser.screenshot("embed-frame-sandbox-" + (sandbox.isEmpty() ? "none" : sandbox.replace(' ', '-')));
		assertNoSevereConsoleEntries();
	}

	@ParameterizedTest
	@ValueSource(strings = { "allow-scripts", "" })
	void lessonEmbedShouldTakeAnAnswerInTheFrame(String sandbox) {
		ChromeDriver driver = openHost(sandbox, "/embed?lesson=cluster-client-ip&step=1");
		start(driver);
		LabPage.waitForScene(this.browser);
		WebElement question = driver.findElement(By.cssSelector("section.question"));
		question.findElement(By.cssSelector("input[type=radio]")).click();
		question.findElement(By.cssSelector("button[type=submit]")).click();
		WebElement verdict = this.browser.waitUpTo(LIVE)
			.until((d) -> d.findElements(By.cssSelector("section.question--answered [data-explanation]"))
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(verdict.getDomAttribute("data-verdict")).isIn("right", "wrong");
		driver.switchTo().defaultContent();
		assertNoSevereConsoleEntries();
	}

	/**
	 * A page of another site that frames {@code embed} with this sandbox attribute (""
	 * for none).
	 */
	private ChromeDriver openHost(String sandbox, String embed) {
		String attribute = sandbox.isEmpty() ? "" : " sandbox=\"" + sandbox + "\"";
		String page = this.host.serve("/docs.html",
				"<!doctype html><html><head><title>Docs</title></head><body><h1>Course page</h1>"
						+ "<iframe id=\"lab\" title=\"Traffic Lab\" width=\"800\" height=\"600\"" + attribute
						+ " src=\"http://localhost:" + this.port + embed + "\"></iframe></body></html>");
		this.browser = HeadlessChromium.start(1000, 760);
		ChromeDriver driver = this.browser.driver();
		driver.get(page);
		driver.switchTo().frame(driver.findElement(By.id("lab")));
		return driver;
	}

	private void start(ChromeDriver driver) {
		this.browser.waitUpTo(LIVE)
			.until((d) -> !d.findElements(By.cssSelector("[data-control=embed-start]")).isEmpty());
		driver.findElement(By.cssSelector("[data-control=embed-start]")).click();
	}

}
