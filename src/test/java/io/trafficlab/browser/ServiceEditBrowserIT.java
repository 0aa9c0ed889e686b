package io.trafficlab.browser;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kubectl edit} in the playground: the Service panel's editor sends the edited
 * YAML, the API server's refusal shows word for word, and switching to {@code Cluster}
 * releases the healthCheckNodePort, which the YAML and the health panel then lose.
 * Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ServiceEditBrowserIT extends BrowserTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern PORT = Pattern.compile("healthCheckNodePort: (\\d+)");

	@Test
	void editToClusterShouldReleaseTheHealthCheckNodePortFromTheYamlAndTheHealthPanel() {
		ChromeDriver driver = openPage(1280, 1000, "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		WebElement yaml = driver.findElement(By.cssSelector("[data-view=primary] [data-part=service-yaml]"));
		this.browser.waitUpTo(WAIT).until((d) -> PORT.matcher(yaml.getText()).find());
		Matcher matcher = PORT.matcher(yaml.getText());
		assertThat(matcher.find()).isTrue();
		String port = matcher.group(1);
		By probe = By.cssSelector("[data-view=primary] [data-part=health-probe]");
		this.browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(probe, port));

		// a refused edit: the API server's words, the draft kept, the sandbox unchanged
		String live = yaml.getText();
		edit(driver, live.replace("healthCheckNodePort: " + port, "healthCheckNodePort: 32001"));
		driver.findElement(By.cssSelector("[data-part=service-apply]")).click();
		By message = By.cssSelector("[data-part=service-edit-message]");
		this.browser.waitUpTo(WAIT)
			.until(ExpectedConditions.textToBe(message,
					"Service \"web\" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable"));
		assertThat(driver.findElement(By.cssSelector("[data-part=service-edit-text]")).getAttribute("value"))
			.contains("healthCheckNodePort: 32001");
		this.browser.screenshot("service-edit-refused");
		driver.findElement(By.cssSelector("[data-part=service-edit-text]")).sendKeys(Keys.ESCAPE);
		assertThat(yaml.getText()).contains("healthCheckNodePort: " + port);

		// switching to Cluster, applied from the keyboard
		edit(driver, yaml.getText().replace("externalTrafficPolicy: Local", "externalTrafficPolicy: Cluster"));
		driver.findElement(By.cssSelector("[data-part=service-edit-text]"))
			.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
		this.browser.waitUpTo(WAIT)
			.until(ExpectedConditions.textToBePresentInElementLocated(message, "released healthCheckNodePort " + port));
		this.browser.waitUpTo(WAIT).until((d) -> yaml.getText().contains("externalTrafficPolicy: Cluster"));
		assertThat(yaml.getText()).doesNotContain("healthCheckNodePort");
		this.browser.waitUpTo(WAIT).until((d) -> !d.findElement(probe).getText().contains(port));
		this.browser.screenshot("service-edit-cluster");
		// the browser logs the refused edit's 422 itself; nothing else may fail
		assertThat(this.browser.severeConsoleEntries()).as("severe browser console entries")
			.allSatisfy((entry) -> assertThat(entry.getMessage()).contains("/service - Failed to load resource")
				.contains("status of 422"));
	}

	private void edit(ChromeDriver driver, String text) {
		driver.findElement(By.cssSelector("[data-part=service-edit]")).click();
		WebElement area = driver.findElement(By.cssSelector("[data-part=service-edit-text]"));
		this.browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOf(area));
		assertThat(driver.switchTo().activeElement()).isEqualTo(area);
		area.clear();
		area.sendKeys(text);
	}

}
