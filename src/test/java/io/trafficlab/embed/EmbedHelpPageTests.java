package io.trafficlab.embed;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /embed/help} in the site's layout: its snippets carry this server's own absolute
 * address as the request reached it, and the pages they name exist.
 */
@SpringBootTest(properties = "trafficlab.embed.frame-ancestors='self' https://docs.example.com")
@AutoConfigureMockMvc
class EmbedHelpPageTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void helpPageShouldFillTheSnippetsWithTheServersOwnAddress() {
		assertThat(this.mvc.get().uri("https://lab.example.com:8443/embed/help")).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("<title>Embed Traffic Lab in your docs · Traffic Lab</title>")
			.contains("class=\"site-footer\"")
			// the one line
			.contains(
					"&lt;script src=&quot;https://lab.example.com:8443/js/traffic-lab.js&quot; defer&gt;&lt;/script&gt;"
							+ "&lt;traffic-lab preset=&quot;uneven-3-1-0&quot;&gt;&lt;/traffic-lab&gt;")
			// plain HTML, MDX and the LMS page frame the embed
			.contains("&lt;iframe src=&quot;https://lab.example.com:8443/embed?preset=uneven-3-1-0&quot;")
			.contains("src=&quot;https://lab.example.com:8443/embed?preset=uneven-3-1-0&quot;\n  title=")
			// WordPress: the shareable link on its own line; Notion: the embed URL
			.contains("\n\nhttps://lab.example.com:8443/?preset=uneven-3-1-0\n\n")
			.contains("<code>https://lab.example.com:8443/embed?preset=uneven-3-1-0</code>")
			// MkDocs and Docusaurus load the script
			.contains("extra_javascript:\n  - https://lab.example.com:8443/js/traffic-lab.js")
			.contains("scripts: [{src: &#39;https://lab.example.com:8443/js/traffic-lab.js&#39;, defer: true}]")
			// the worked host page compares the app's origin and listens for
			// challengeSolved
			.contains("src=&quot;https://lab.example.com:8443/embed?challenge=one-move-equal-shares&quot;")
			.contains("const APP = &#39;https://lab.example.com:8443&#39;;")
			.contains("case &#39;challengeSolved&#39;:")
			.contains("data-copy-snippet=\"snippet-host-page\"")
			// the setting that decides who may talk to the embed, as this server has it
			.contains("<code>&#39;self&#39; https://docs.example.com</code>")
			// the live example is the element itself, with its script from this server
			.contains("<traffic-lab id=\"live-lab\" preset=\"uneven-3-1-0\"")
			.contains("<script defer src=\"/js/traffic-lab.js\"></script>");
	}

	@Test
	void helpPageShouldListEveryEventAndCommandOfVersionOne() throws Exception {
		String html = this.mvc.get().uri("/embed/help").exchange().getResponse().getContentAsString();
		String events = html.substring(html.indexOf("data-api-table=\"events\""),
				html.indexOf("data-api-table=\"commands\""));
		String commands = html.substring(html.indexOf("data-api-table=\"commands\""), html.indexOf("id=\"host-page\""));
		for (String type : new String[] { "ready", "stateChanged", "policyChanged", "predictionAnswered",
				"stepCompleted", "challengeSolved", "error", "resize", "reply" }) {
			assertThat(events).contains("<th scope=\"row\"><code>" + type + "</code>");
		}
		for (String type : new String[] { "hello", "setPolicy", "setLoadBalancer", "loadPreset", "loadState", "pause",
				"resume", "step", "reset", "setSpeed", "getState" }) {
			assertThat(commands).containsPattern("<th scope=\"row\">(<code>\\w+</code>, )*<code>" + type + "</code>");
		}
	}

	@Test
	void helpPageShouldKeepItsContextPath() {
		assertThat(this.mvc.get().uri("http://localhost/lab/embed/help").contextPath("/lab")).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("&lt;script src=&quot;http://localhost/lab/js/traffic-lab.js&quot; defer&gt;")
			.contains("<script defer src=\"/lab/js/traffic-lab.js\"></script>");
	}

	@Test
	void siteFooterShouldLinkTheHelpPage() {
		assertThat(this.mvc.get().uri("/lessons")).hasStatus(HttpStatus.OK)
			.bodyText()
			.contains("<a href=\"/embed/help\">Embed Traffic Lab in your docs</a>");
	}

	@Test
	void examplesShouldNameAPresetAndALessonThatExist() {
		assertThat(this.mvc.get().uri("/embed?preset=" + EmbedHelpSnippets.PRESET)).hasStatus(HttpStatus.OK);
		assertThat(this.mvc.get().uri("/embed?lesson=" + EmbedHelpSnippets.LESSON + "&step=2"))
			.hasStatus(HttpStatus.OK);
		assertThat(this.mvc.get().uri("/challenges/" + EmbedHelpSnippets.CHALLENGE)).hasStatus(HttpStatus.OK);
	}

}
