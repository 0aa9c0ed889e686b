package io.trafficlab.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test shares: the app's port, one headless Chromium closed after each
 * test, and how long a live page may take. Subclasses are
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and start the browser they need;
 * {@link LabPage} drives pages with a live sandbox view.
 */
abstract class BrowserTest {

	/** How long a live page may take to draw its first frame or to show a change. */
	static final Duration LIVE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	HeadlessChromium browser;

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	/** JavaScript errors and failed loads in {@link #browser}'s console fail the test. */
	void assertNoSevereConsoleEntries() {
		assertThat(this.browser.severeConsoleEntries()).as("severe browser console entries").isEmpty();
	}

}
