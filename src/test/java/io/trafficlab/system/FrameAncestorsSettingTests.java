package io.trafficlab.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trafficlab.embed.frame-ancestors} names the sites that may frame {@code /embed}.
 */
@SpringBootTest(properties = "trafficlab.embed.frame-ancestors='self' https://docs.example.com")
@AutoConfigureMockMvc
class FrameAncestorsSettingTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void embedShouldBeFramableOnlyByTheConfiguredSites() {
		assertThat(this.mvc.get().uri("/embed")).headers()
			.hasValue("Content-Security-Policy",
					ContentSecurityPolicyFilter.policy(null, "'self' https://docs.example.com"));
		assertThat(this.mvc.get().uri("/")).headers()
			.hasValue("Content-Security-Policy", ContentSecurityPolicyFilter.policy(null, "'self'"));
	}

}
