package io.trafficlab.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver, never by Selenium Manager
 * (no downloads, no calls to Google hosts). Missing binaries fail the test: browser tests
 * must never be skipped silently.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** A 1280×800 window. */
	public static HeadlessChromium start() {
		return start(1280, 800);
	}

	public static HeadlessChromium start(int width, int height) {
		requireExecutable(CHROMIUM);
		requireExecutable(CHROMEDRIVER);
		Path profile = createProfile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=" + width + "," + height, "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
				// A frame of another site runs in its own process, whose console the
				// browser log would miss: one process keeps an embed's console in the
				// log the tests check (origins and the frame's sandbox are unchanged)
				"--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process",
				"--user-data-dir=" + profile);
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	/**
	 * Makes the page lay out as on a phone of that size: headless Chromium does not make
	 * windows narrower than 500 px, so this goes through DevTools device emulation.
	 */
	public void emulateViewport(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
	}

	/** Lets pages from that origin write and read the clipboard without asking. */
	public void allowClipboard(String origin) {
		this.driver.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(this.driver, timeout);
	}

	/**
	 * Saves the whole page, not only the viewport, to
	 * {@code target/screenshots/<name>.png}.
	 */
	@SuppressWarnings("unchecked")
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
			Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
			byte[] png;
			if (size != null) {
				Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height",
						size.get("height"), "scale", 1);
				Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
						Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
				png = Base64.getDecoder().decode((String) shot.get("data"));
			}
			else {
				png = this.driver.getScreenshotAs(OutputType.BYTES);
			}
			Files.write(file, png);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Console messages at level SEVERE: JavaScript errors, failed resource loads. */
	public List<LogEntry> severeConsoleEntries() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private static void requireExecutable(File file) {
		if (!file.canExecute()) {
			throw new IllegalStateException(file + " is missing: the browser tests need Debian's chromium and "
					+ "chromium-driver (apt-get install -y chromium chromium-driver, or run .ci/run)");
		}
	}

	private static Path createProfile() {
		try {
			return Files.createTempDirectory("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deleteProfile() {
		try (Stream<Path> paths = Files.walk(this.profile)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temp profile is harmless
		}
	}

}
