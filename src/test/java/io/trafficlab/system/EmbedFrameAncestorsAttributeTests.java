package io.trafficlab.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embed pages carry the frame-ancestors setting on their {@code <body>}, where the
 * postMessage bridge checks the origin of a host page's commands against it.
 */
@SpringBootTest(properties = "trafficlab.embed.frame-ancestors='self' https://docs.example.com")
@AutoConfigureMockMvc
class EmbedFrameAncestorsAttributeTests {

	private static final String BODY = "<body class=\"embed\" data-frame-ancestors=\"&#39;self&#39; https://docs.example.com\">";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void everyEmbedPageShouldCarryTheSourceList() {
		assertThat(this.mvc.get().uri("/embed?preset=uneven-3-1-0")).bodyText().contains(BODY);
		assertThat(this.mvc.get().uri("/embed?preset=uneven-3-1-0&run=1")).bodyText().contains(BODY);
		assertThat(this.mvc.get().uri("/embed?lesson=uneven-distribution&step=1")).bodyText().contains(BODY);
	}

	@Test
	void otherPagesShouldNotCarryIt() {
		assertThat(this.mvc.get().uri("/analyze")).bodyText().doesNotContain("data-frame-ancestors");
	}

}
