package io.trafficlab.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Drives the challenge side of a class (issue 16): the teacher's dashboard (one row per
 * student), a student's invitation to the challenge and their challenge page, the note on
 * the room's pages while a student's sandbox shows.
 */
final class ClassDashboard {

	private ClassDashboard() {
	}

	/** The teacher sets a challenge with the dashboard's select and button. */
	static void setChallenge(HeadlessChromium teacher, String id) {
		ChromeDriver driver = teacher.driver();
		ClassPage.waitOn(teacher).until((d) -> !d.findElements(By.id("class-challenge")).isEmpty());
		new Select(driver.findElement(By.id("class-challenge"))).selectByValue(id);
		driver.findElement(By.cssSelector("[data-control=set-challenge]")).click();
	}

	/** The dashboard's rows as "name | predictions | conditions | solved | hints". */
	@SuppressWarnings("unchecked")
	static List<String> rows(ChromeDriver driver) {
		return (List<String>) driver
			.executeScript("return Array.from(document.querySelectorAll('#class-dashboard tbody tr'),"
					+ " (r) => ['row-name', 'row-predictions', 'row-conditions', 'row-solved', 'row-hints']"
					+ ".map((part) => r.querySelector('[data-part=' + part + ']').innerText.trim()).join(' | '))");
	}

	/** The reference of the row that shows this name, or null. */
	static String ref(ChromeDriver driver, String name) {
		return (String) driver
			.executeScript("const row = Array.from(document.querySelectorAll('#class-dashboard tbody tr'))"
					+ ".find((r) => r.querySelector('[data-part=row-name]').textContent === arguments[0]);"
					+ "return row ? row.dataset.student : null", name);
	}

	static boolean solved(ChromeDriver driver, String ref) {
		return !driver.findElements(By.cssSelector("#class-dashboard tr[data-student='" + ref + "'][data-solved=true]"))
			.isEmpty();
	}

	static String summary(ChromeDriver driver) {
		return driver.findElement(By.cssSelector("[data-part=dashboard-summary]")).getText();
	}

	/** The note a room's page shows while a student's sandbox is on the projector. */
	static String showingNote(ChromeDriver driver) {
		WebElement note = driver.findElement(By.cssSelector("[data-part=showing-note]"));
		return note.isDisplayed() ? note.getText() : "";
	}

	/** The name a student's room page says they have. */
	static String myName(ChromeDriver driver) {
		return driver.findElement(By.cssSelector("[data-part=my-name]")).getText();
	}

	/**
	 * How many pods that are not terminating each node runs, by node name: what a drag
	 * changes (a moved pod comes back under a new name).
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Long> podsPerNode(ChromeDriver driver) {
		Map<String, Number> counts = (Map<String, Number>) driver.executeScript("const out = {};"
				+ "for (const n of window.__trafficLab.scene().nodes) out[n.name] = 0;"
				+ "for (const p of window.__trafficLab.scene().pods) if (p.status !== 'terminating' && p.node) out[p.node]++;"
				+ "return out");
		Map<String, Long> perNode = new TreeMap<>();
		counts.forEach((node, count) -> perNode.put(node, count.longValue()));
		return perNode;
	}

	/** Fetches a link of the page with the page's cookies, and answers its text. */
	static String download(ChromeDriver driver, String selector) {
		return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "fetch(document.querySelector(arguments[0]).href).then((r) => r.text()).then(done, (e) => done(String(e)))",
				selector);
	}

	/** Saves a picture of the dashboard alone to {@code target/screenshots}. */
	static void screenshot(ChromeDriver driver, String name) {
		WebElement dashboard = driver.findElement(By.cssSelector("[data-part=dashboard]"));
		driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", dashboard);
		try {
			Path directory = Path.of("target", "screenshots");
			Files.createDirectories(directory);
			Files.write(directory.resolve(name + ".png"), dashboard.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
