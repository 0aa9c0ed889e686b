package io.trafficlab.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground's Rules panel in a real browser, under {@code Local} (the 3/1/0 preset):
 * selecting a packet highlights the chain path it took through its entry node's rules
 * (the node's {@code KUBE-SVL-…} and {@code KUBE-SEP-…} rules among them), the inspector
 * lists the same rules under that hop, nftables marks its own path, and the panel fits a
 * phone. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RulesPanelBrowserIT extends BrowserTest {

	private static final String PANEL = "[data-view=primary] [data-part=rules]";

	private static final String PATH = PANEL + " mark.rules-line--path";

	@Test
	void selectingAPacketUnderLocalShouldHighlightItsChainPath() {
		ChromeDriver driver = openPage(1280, 900, "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		assertThat(LabPage.policy(driver)).isEqualTo("Local");
		String entryNode = inspectARoutedConnection(driver);

		List<String> path = this.browser.waitUpTo(LIVE).until((d) -> {
			List<String> lines = texts(driver, PATH);
			return lines.isEmpty() ? null : lines;
		});
		assertThat(new Select(driver.findElement(By.cssSelector(PANEL + " [data-rules=node]"))).getFirstSelectedOption()
			.getText()).isEqualTo(entryNode);
		assertThat(path).anyMatch((line) -> line.startsWith("-A KUBE-SVL-"))
			.anyMatch((line) -> line.startsWith("-A KUBE-SEP-") && line.contains("-j DNAT --to-destination"))
			.noneMatch((line) -> line.contains("-j KUBE-MARK-MASQ"));
		List<String> listed = texts(driver, "[data-view=primary] [data-part=inspector] [data-part=hop-rules] li");
		assertThat(listed).hasSameSizeAs(path).containsAll(path);
		assertThat(driver.findElement(By.cssSelector(PANEL + " [data-rules=status]")).getText())
			.contains("rules on " + entryNode, "matched " + path.size() + " rules here");
		driver.executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", PATH);
		this.browser.screenshot("rules-panel-local-path");

		new Select(driver.findElement(By.cssSelector(PANEL + " [data-rules=mode]"))).selectByValue("nftables");
		this.browser.waitUpTo(LIVE)
			.until((d) -> texts(driver, PATH).stream().anyMatch((line) -> line.startsWith("add rule ip kube-proxy")));
		driver.findElement(By.cssSelector(PANEL + " [data-rules=copy]")).click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> !d.findElement(By.cssSelector(PANEL + " [data-rules=copied]")).getText().isEmpty());
		assertNoSevereConsoleEntries();
	}

	@Test
	void thePanelShouldFitAPhone() {
		ChromeDriver driver = openPage(390, 844, "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		inspectARoutedConnection(driver);
		this.browser.waitUpTo(LIVE).until((d) -> !d.findElements(By.cssSelector(PATH)).isEmpty());
		driver.executeScript("document.querySelector(arguments[0]).scrollIntoView()", PANEL);
		Number overflow = (Number) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
		this.browser.screenshot("rules-panel-phone");
		assertNoSevereConsoleEntries();
	}

	/** Pauses, and opens a routed connection from the event list: its entry node. */
	private String inspectARoutedConnection(ChromeDriver driver) {
		this.browser.waitUpTo(LIVE).until((d) -> routedRow(d) != null);
		driver.findElement(By.cssSelector("[data-control=pause]")).click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript("return window.__trafficLab.scene().paused")));
		WebElement row = this.browser.waitUpTo(LIVE).until(RulesPanelBrowserIT::routedRow);
		String text = row.getText();
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
		row.click();
		String via = text.substring(text.indexOf(" via ") + 5);
		return via.substring(0, via.indexOf(' '));
	}

	private static WebElement routedRow(org.openqa.selenium.WebDriver driver) {
		return driver.findElements(By.cssSelector("[data-view=primary] [data-part=event-list] button[data-connection]"))
			.stream()
			.filter((button) -> button.getText().contains("ConnectionRouted") && button.getText().contains(" via "))
			.findFirst()
			.orElse(null);
	}

	/** The elements' texts, read at once (the panel re-renders as the rules arrive). */
	@SuppressWarnings("unchecked")
	private static List<String> texts(ChromeDriver driver, String selector) {
		return (List<String>) driver.executeScript(
				"return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.trim())", selector);
	}

}
