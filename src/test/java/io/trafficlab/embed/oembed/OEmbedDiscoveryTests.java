package io.trafficlab.embed.oembed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import static io.trafficlab.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * oEmbed discovery: the pages oEmbed answers for carry the link in their {@code <head>},
 * and its {@code href} answers 200 with the same title; other pages carry none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OEmbedDiscoveryTests {

	private static final Pattern HEAD = Pattern.compile("<head>(.*?)</head>", Pattern.DOTALL);

	private static final Pattern LINK = Pattern
		.compile("<link rel=\"alternate\" type=\"application/json\\+oembed\" href=\"([^\"]+)\" title=\"([^\"]*)\">");

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "/", "/?preset=uneven-3-1-0", "/lessons/uneven-distribution/2", "/lessons/cluster-client-ip/1",
					"/challenges/n3-passes-health-check", "/embed", "/embed?preset=uneven-3-1-0",
					"/embed?lesson=uneven-distribution&step=3", "/embed?challenge=one-move-equal-shares" })
	void shareablePagesShouldLinkToTheirOEmbedAnswer(String page) {
		assertDiscovered("http://localhost" + page);
	}

	@Test
	void aSharedStateAndARunningEmbedShouldBeDiscoveredToo() {
		String sandbox = JsonPath.read(body(this.mvc.post().uri("/api/v1/sandboxes?preset=uneven-3-1-0").exchange()),
				"$.id");
		String permalink = JsonPath
			.read(body(this.mvc.get().uri("/api/v1/sandboxes/" + sandbox + "/permalink").exchange()), "$.url");
		assertThat(assertDiscovered(permalink)).isEqualTo("Shared sandbox");
		String state = UriComponentsBuilder.fromUriString(permalink).build().getQueryParams().getFirst("s");
		assertDiscovered("http://localhost/embed?s=" + state + "&run=1");
		assertDiscovered("http://localhost/embed?preset=uneven-3-1-0&run=1");
		this.mvc.delete().uri("/api/v1/sandboxes/" + sandbox).exchange();
	}

	@Test
	void theLinkShouldFollowTheHostThePageWasReachedAt() {
		String head = head(this.mvc.get()
			.uri(URI.create("https://lab.example.com:443/challenges/n3-passes-health-check"))
			.accept(MediaType.TEXT_HTML)
			.exchange());
		assertThat(head).contains("href=\"https://lab.example.com/oembed?url=https%3A%2F%2Flab.example.com"
				+ "%2Fchallenges%2Fn3-passes-health-check&amp;format=json\" title=\"Make n3 pass the health check\"");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/analyze", "/lessons", "/challenges", "/live", "/rooms", "/?preset=nope",
			"/challenges/no-such-challenge", "/embed?preset=nope" })
	void otherPagesShouldHaveNoDiscoveryLink(String page) {
		MvcTestResult result = this.mvc.get().uri(page).accept(MediaType.TEXT_HTML).exchange();
		assertThat(head(result)).doesNotContain("application/json+oembed");
	}

	/** The page's discovery link round-trips to a 200 oEmbed answer; its title. */
	private String assertDiscovered(String page) {
		MvcTestResult result = this.mvc.get().uri(URI.create(page)).accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).as(page).hasStatusOk();
		Matcher link = LINK.matcher(head(result));
		assertThat(link.find()).as("a discovery link in the head of %s", page).isTrue();
		String href = HtmlUtils.htmlUnescape(link.group(1));
		String title = HtmlUtils.htmlUnescape(link.group(2));
		assertThat(href).startsWith("http://localhost/oembed?url=").endsWith("&format=json");
		String url = UriComponentsBuilder.fromUriString(href).build().getQueryParams().getFirst("url");
		assertThat(UriUtils.decode(url, StandardCharsets.UTF_8)).as("the page's own URL").isEqualTo(page);
		MvcTestResult answer = this.mvc.get().uri(URI.create(href)).exchange();
		assertThat(answer).as(href).hasStatusOk();
		assertThat((String) JsonPath.read(body(answer), "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(body(answer), "$.type")).isEqualTo("rich");
		return title;
	}

	private static String head(MvcTestResult result) {
		Matcher head = HEAD.matcher(body(result));
		assertThat(head.find()).as("a <head>").isTrue();
		return head.group(1);
	}

}
