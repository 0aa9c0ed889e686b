package io.trafficlab.browser;

import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: the app's port and one headless Chromium, closed after each test. Subclasses are
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and start the browser they need.
 */
abstract class BrowserTest {

	@LocalServerPort
	int port;

	HeadlessChromium browser;

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

}
