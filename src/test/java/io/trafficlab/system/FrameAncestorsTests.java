package io.trafficlab.system;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code /embed} may be framed by any site (by default); every other page only by Traffic
 * Lab; the embed creates no sandbox before Start.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FrameAncestorsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private io.trafficlab.sandbox.SandboxRegistry registry;

	@Test
	void embedShouldBeFramableByAnySiteByDefault() {
		int live = this.registry.size();
		MvcTestResult result = this.mvc.get().uri("/embed?preset=uneven-3-1-0").exchange();
		assertThat(result).hasStatusOk()
			.headers()
			.hasValue("Content-Security-Policy", ContentSecurityPolicyFilter.policy(null, "*"));
		String page = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(page).contains("data-control=\"embed-start\"")
			.contains("Uneven pods 3/1/0")
			.doesNotContain("id=\"playground\"")
			.doesNotContain("site-header");
		assertThat(this.registry.size()).isEqualTo(live);
	}

	@Test
	void embedAfterStartShouldShowTheCanvasWithoutChrome() {
		MvcTestResult result = this.mvc.get().uri("/embed?preset=uneven-3-1-0&run=1").exchange();
		assertThat(result).hasStatusOk()
			.headers()
			.hasValue("Content-Security-Policy", ContentSecurityPolicyFilter.policy(null, "*"));
		String page = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"playground\"").contains("data-part=\"canvas\"").doesNotContain("site-header");
		assertThat(result.getResponse().getCookies()).isEmpty();
	}

	@Test
	void otherPagesShouldOnlyBeFramedByTrafficLab() {
		for (String uri : new String[] { "/", "/analyze", "/live", "/api/v1/sandboxes/nope/snapshot", "/embed/x" }) {
			assertThat(this.mvc.get().uri(uri)).headers()
				.hasValue("Content-Security-Policy", ContentSecurityPolicyFilter.policy(null, "'self'"));
		}
	}

	@Test
	void settingShouldRefuseWhatIsNotASourceList() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EmbedProperties("*; script-src *", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new EmbedProperties(" ", null));
		assertThat(new EmbedProperties("'self' https://docs.example.com", null).frameAncestors())
			.isEqualTo("'self' https://docs.example.com");
	}

}
