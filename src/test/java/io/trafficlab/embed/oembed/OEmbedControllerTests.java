package io.trafficlab.embed.oembed;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.teaching.ChallengeCatalog;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import static io.trafficlab.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code GET /oembed}: every kind of shareable URL answered field by field, the maxima,
 * and every refusal as JSON naming why. MockMvc's requests reach the application as
 * {@code http://localhost}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OEmbedControllerTests {

	private static final String PLAYGROUND_TITLE = "Two pods on three nodes";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private LessonCatalog lessons;

	@Autowired
	private ChallengeCatalog challenges;

	static Stream<Arguments> playgroundUrls() {
		return Stream.of(arguments("http://localhost/", "http://localhost/embed", PLAYGROUND_TITLE),
				arguments("http://localhost", "http://localhost/embed", PLAYGROUND_TITLE),
				arguments("http://localhost:80/?preset=", "http://localhost/embed", PLAYGROUND_TITLE),
				arguments("http://localhost/?preset=uneven-3-1-0", "http://localhost/embed?preset=uneven-3-1-0",
						"Uneven pods 3/1/0"),
				arguments("HTTP://LocalHost/?preset=uneven-3-1-0&utm_source=x#canvas",
						"http://localhost/embed?preset=uneven-3-1-0", "Uneven pods 3/1/0"),
				arguments("http://localhost/embed", "http://localhost/embed", PLAYGROUND_TITLE),
				arguments("http://localhost/embed?preset=six-replicas-spread&run=1",
						"http://localhost/embed?preset=six-replicas-spread", "Six replicas spread over three zones"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("playgroundUrls")
	void playgroundUrlsShouldBeTheirPlaygroundEmbed(String url, String src, String title) {
		assertRich(oembed(url), src, title, 800, 560);
	}

	@Test
	void aSharedStateShouldBeEmbeddedAsItIs() {
		String sandbox = read(this.mvc.post().uri("/api/v1/sandboxes?preset=uneven-3-1-0").exchange(), "$.id");
		String permalink = read("/api/v1/sandboxes/" + sandbox + "/permalink", "$.url");
		String state = UriComponentsBuilder.fromUriString(permalink).build().getQueryParams().getFirst("s");
		assertThat(permalink).startsWith("http://localhost/?s=");
		assertRich(oembed(permalink), "http://localhost/embed?s=" + state, "Shared sandbox", 800, 560);
		assertRich(oembed("http://localhost/embed?s=" + state + "&run=1"), "http://localhost/embed?s=" + state,
				"Shared sandbox", 800, 560);
		this.mvc.delete().uri("/api/v1/sandboxes/" + sandbox).exchange();
	}

	@Test
	void everyLessonStepShouldBeItsStepEmbedWithItsOwnTitle() {
		for (Lesson lesson : this.lessons.all()) {
			for (int step = 1; step <= lesson.steps().size(); step++) {
				String src = "http://localhost/embed?lesson=" + lesson.id() + "&step=" + step;
				String title = lesson.step(step).title() + " · " + lesson.title();
				assertRich(oembed("http://localhost/lessons/" + lesson.id() + "/" + step), src, title, 1000, 700);
				assertRich(oembed(src + "&run=1"), src, title, 1000, 700);
			}
		}
		Lesson uneven = this.lessons.find("uneven-distribution").orElseThrow();
		assertThat((String) read(oembed("http://localhost/lessons/uneven-distribution"), "$.title"))
			.as("a lesson's own URL is its first step")
			.isEqualTo(uneven.step(1).title() + " · The uneven-distribution problem");
		assertThat((String) read(oembed("http://localhost/embed?lesson=uneven-distribution"), "$.html"))
			.contains("src=\"http://localhost/embed?lesson=uneven-distribution&amp;step=1\"");
	}

	@Test
	void everyChallengeShouldBeItsChallengeEmbed() {
		this.challenges.all().forEach((challenge) -> {
			String src = "http://localhost/embed?challenge=" + challenge.id();
			assertRich(oembed("http://localhost/challenges/" + challenge.id()), src, challenge.title(), 1000, 700);
			assertRich(oembed(src), src, challenge.title(), 1000, 700);
		});
		assertThat((String) read(oembed("http://localhost/challenges/n3-passes-health-check"), "$.title"))
			.isEqualTo("Make n3 pass the health check");
	}

	@Test
	void theMaximaShouldBeHonoured() {
		String playground = "http://localhost/?preset=uneven-3-1-0";
		assertSize(oembed(playground, "maxwidth", "640"), 640, 448);
		assertSize(oembed(playground, "maxheight", "400"), 571, 400);
		assertSize(oembed(playground, "maxwidth", "600", "maxheight", "300"), 480, 300);
		assertSize(oembed(playground, "maxwidth", "2000", "maxheight", "2000"), 800, 560);
		assertSize(oembed(playground, "maxwidth", "300"), 300, 320);
		assertSize(oembed(playground, "maxwidth", ""), 800, 560);
		assertSize(oembed("http://localhost/lessons/uneven-distribution/2", "maxwidth", "500", "maxheight", "900"), 500,
				350);
		assertSize(oembed("http://localhost/challenges/n3-passes-health-check", "maxheight", "350"), 500, 350);
		assertThat((String) read(oembed(playground, "maxwidth", "640"), "$.html"))
			.contains(" width=\"640\" height=\"448\" ");
	}

	@Test
	void theRequestsHostShouldDecideWhatIsOurs() {
		MvcTestResult proxied = this.mvc.get()
			.uri(URI.create("https://lab.example.com:443/oembed?url="
					+ encode("https://lab.example.com/?preset=uneven-3-1-0") + "&format=json"))
			.exchange();
		assertThat(proxied).hasStatusOk();
		assertThat((String) read(proxied, "$.provider_url")).isEqualTo("https://lab.example.com/");
		assertThat((String) read(proxied, "$.html"))
			.startsWith("<iframe src=\"https://lab.example.com/embed?preset=uneven-3-1-0\"");
		assertThat(this.mvc.get()
			.uri(URI.create("https://lab.example.com:443/oembed?url="
					+ encode("https://lab.example.com:443/challenges/" + "n3-passes-health-check")))
			.exchange()).as("the default port written out").hasStatusOk();
		assertRefused(this.mvc.get()
			.uri(URI
				.create("https://lab.example.com:443/oembed?url=" + encode("http://localhost/?preset=uneven-3-1-0")))
			.exchange(), HttpStatus.NOT_FOUND).contains("is not a URL of this Traffic Lab (https://lab.example.com/)");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "https://example.org/?preset=uneven-3-1-0", "https://localhost/?preset=uneven-3-1-0",
			"http://localhost:8080/?preset=uneven-3-1-0", "http://localhost.example.org/",
			"http://user@localhost/?preset=uneven-3-1-0", "ftp://localhost/" })
	void aUrlOfAnotherOriginShouldBeNotFound(String url) {
		assertRefused(oembed(url), HttpStatus.NOT_FOUND)
			.contains("is not a URL of this Traffic Lab (http://localhost/)");
	}

	static Stream<Arguments> urlsWeCannotEmbed() {
		return Stream.of(notFound("/?preset=uneven-3-1-0", "is not an absolute URL"),
				notFound("not a url at all", "is not an absolute URL"),
				notFound("http://localhost/analyze", "Traffic Lab has no page at /analyze that can be embedded",
						"lesson steps (/lessons/ID/N)"),
				notFound("http://localhost/lessons", "no page at /lessons "),
				notFound("http://localhost/live", "no page at /live "),
				notFound("http://localhost/?preset=nope", "There is no preset \"nope\"", "uneven-3-1-0"),
				notFound("http://localhost/embed?preset=nope&run=1", "There is no preset \"nope\""),
				notFound("http://localhost/lessons/nope/1", "There is no lesson \"nope\""),
				notFound("http://localhost/lessons/uneven-distribution/99",
						"\"The uneven-distribution problem\" has no step 99; its steps are 1 to"),
				notFound("http://localhost/lessons/uneven-distribution/one", "has no step one"),
				notFound("http://localhost/embed?lesson=uneven-distribution&step=0", "has no step 0"),
				notFound("http://localhost/embed?lesson=nope", "There is no lesson \"nope\""),
				notFound("http://localhost/challenges/nope", "There is no challenge \"nope\""),
				notFound("http://localhost/embed?challenge=nope", "There is no challenge \"nope\""),
				notFound("http://localhost/?s=not-a-state", "The url's shared state (s) cannot be opened"));
	}

	/**
	 * A url {@code /oembed} does not know: the refusal's text contains each of
	 * {@code why}.
	 */
	private static Arguments notFound(String url, String... why) {
		return arguments(url, why);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("urlsWeCannotEmbed")
	void aPathOrANameWeDoNotKnowShouldBeNotFoundSayingWhich(String url, String[] why) {
		assertRefused(oembed(url), HttpStatus.NOT_FOUND).contains(why);
	}

	@Test
	void xmlShouldBeNotImplemented() {
		assertRefused(oembed("http://localhost/", "format", "xml"), HttpStatus.NOT_IMPLEMENTED)
			.contains("Only format=json is served, not format=xml");
		assertRefused(oembed("http://localhost/", "format", "XML"), HttpStatus.NOT_IMPLEMENTED);
		assertThat(oembed("http://localhost/", "format", "json")).hasStatusOk();
		assertThat(this.mvc.get().uri("/oembed?url=http://localhost/").exchange()).as("json is the default")
			.hasStatusOk();
	}

	@Test
	void aMissingUrlOrABadMaximumShouldBeABadRequest() {
		assertRefused(this.mvc.get().uri("/oembed?format=json").exchange(), HttpStatus.BAD_REQUEST)
			.contains("Query parameter 'url' is required");
		assertRefused(oembed(" "), HttpStatus.BAD_REQUEST).contains("Query parameter 'url' is required");
		for (String bad : new String[] { "-5", "abc", "0", "1e3", "12.5", "9999999" }) {
			assertRefused(oembed("http://localhost/", "maxwidth", bad), HttpStatus.BAD_REQUEST)
				.contains("Query parameter 'maxwidth' must be a positive whole number of CSS pixels", bad);
			assertRefused(oembed("http://localhost/", "maxheight", bad), HttpStatus.BAD_REQUEST)
				.contains("Query parameter 'maxheight' must be a positive whole number");
		}
	}

	@Test
	void theAnswerShouldBeJsonThatAnyOriginMayRead() {
		MvcTestResult answer = this.mvc.get()
			.uri(URI.create("http://localhost/oembed?url=" + encode("http://localhost/") + "&format=json"))
			.header(HttpHeaders.ORIGIN, "https://blog.example.org")
			.exchange();
		assertThat(answer).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		assertThat(answer.getResponse().getHeaders(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).hasSize(1);
		assertThat(answer.getResponse().getHeader("Content-Security-Policy"))
			.as("the site-wide policy is sent, and does not keep a consumer from reading JSON")
			.contains("frame-ancestors 'self'");
	}

	@Test
	void anIframeShouldEscapeItsAttributes() {
		assertThat(OEmbedController.iframe("http://h/embed?a=1&b=\"2\"", "<Tom & \"Jerry\">", new OEmbedSize(10, 20)))
			.isEqualTo(
					"<iframe src=\"http://h/embed?a=1&amp;b=&quot;2&quot;\" title=\"&lt;Tom &amp; &quot;Jerry&quot;&gt;\" "
							+ "width=\"10\" height=\"20\" allow=\"fullscreen\" style=\"border:0\" loading=\"lazy\"></iframe>");
	}

	private void assertRich(MvcTestResult result, String src, String title, int width, int height) {
		assertThat(result).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		Map<String, Object> json = JsonPath.read(body(result), "$");
		assertThat(json).containsOnlyKeys("version", "type", "html", "width", "height", "title", "provider_name",
				"provider_url", "cache_age");
		assertThat(json).containsEntry("version", "1.0")
			.containsEntry("type", "rich")
			.containsEntry("width", width)
			.containsEntry("height", height)
			.containsEntry("title", title)
			.containsEntry("provider_name", "Traffic Lab")
			.containsEntry("provider_url", "http://localhost/")
			.containsEntry("cache_age", 86400);
		assertThat(json.get("html")).isEqualTo("<iframe src=\"" + src.replace("&", "&amp;") + "\" title=\"Traffic Lab: "
				+ escaped(title) + "\" width=\"" + width + "\" height=\"" + height
				+ "\" allow=\"fullscreen\" style=\"border:0\" loading=\"lazy\"></iframe>");
	}

	private static String escaped(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static void assertSize(MvcTestResult result, int width, int height) {
		assertThat(result).hasStatusOk();
		assertThat((Integer) read(result, "$.width")).as("width").isEqualTo(width);
		assertThat((Integer) read(result, "$.height")).as("height").isEqualTo(height);
	}

	private static AbstractStringAssert<?> assertRefused(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.hasHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		return assertThat((String) read(result, "$.errors[0]"));
	}

	/** {@code /oembed} for the url, then parameter names and values. */
	private MvcTestResult oembed(String url, String... parameters) {
		StringBuilder uri = new StringBuilder("http://localhost/oembed?url=").append(encode(url));
		for (int i = 0; i < parameters.length; i += 2) {
			uri.append('&').append(parameters[i]).append('=').append(encode(parameters[i + 1]));
		}
		return this.mvc.get().uri(URI.create(uri.toString())).exchange();
	}

	private String read(String path, String jsonPath) {
		return read(this.mvc.get().uri(path).exchange(), jsonPath);
	}

	private static <T> T read(MvcTestResult result, String jsonPath) {
		return JsonPath.read(body(result), jsonPath);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
