package io.trafficlab.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries the full Content-Security-Policy: only Traffic Lab's own
 * scripts, styles and connections (its stream included), and frame-ancestors as the embed
 * setting says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContentSecurityPolicyTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void pagesShouldAllowOnlyTraffficLabsOwnScriptsStylesAndStream() {
		for (String page : new String[] { "/", "/analyze", "/lessons", "/challenges", "/rooms", "/embed" }) {
			assertThat(this.mvc.get().uri(page).header("Host", "lab.example.com:8443")).as(page)
				.headers()
				.hasValue("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
								+ "connect-src 'self' ws://lab.example.com:8443 wss://lab.example.com:8443; "
								+ "frame-ancestors " + (page.equals("/embed") ? "*" : "'self'"));
		}
	}

	@Test
	void policyShouldNameTheStreamOnlyForAHostThatIsOne() {
		assertThat(ContentSecurityPolicyFilter.policy("[::1]:8080", "'self'"))
			.contains("connect-src 'self' ws://[::1]:8080 wss://[::1]:8080;");
		assertThat(ContentSecurityPolicyFilter.policy("evil; script-src *", "'self'")).contains("connect-src 'self';")
			.doesNotContain("evil");
		assertThat(ContentSecurityPolicyFilter.policy(null, "'self'")).contains("connect-src 'self';");
	}

}
