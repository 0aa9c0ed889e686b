package io.trafficlab.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every page's {@code <head>} comes from one fragment: the same meta tags, the site's
 * stylesheet, htmx and the app's module, then the page's own stylesheets; and nothing the
 * Content-Security-Policy ({@code script-src 'self'; style-src 'self'}) would refuse: no
 * inline script, no {@code <style>} element, no {@code style} attribute.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageHeadTests {

	private static final Pattern HEAD = Pattern.compile("<head>(.*?)</head>", Pattern.DOTALL);

	private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"/css/([a-z]+)\\.css\">");

	/**
	 * A room's code, filled in by the test: rooms exist only while their sandbox lives.
	 */
	private static final String ROOM = "{room}";

	@Autowired
	private MockMvcTester mvc;

	static Stream<Arguments> pages() {
		return Stream.of(page("the playground", "/", "playground"), page("the live view", "/live"),
				page("the playground's embed, before Start", "/embed?preset=uneven-3-1-0", "playground", "embed"),
				page("the analyzer", "/analyze"), page("the lessons", "/lessons", "lesson"),
				page("a lesson step", "/lessons/uneven-distribution/1", "playground", "lesson"),
				page("a lesson step's embed, before Start", "/embed?lesson=uneven-distribution", "playground", "embed",
						"lesson"),
				page("the challenges", "/challenges", "challenge"),
				page("a challenge's embed, before Start", "/embed?challenge=one-move-equal-shares", "playground",
						"embed", "challenge"),
				page("a challenge", "/challenges/one-move-equal-shares", "playground", "challenge"),
				page("a missing challenge", "/challenges/no-such-challenge"),
				page("the room join form", "/rooms", "room"), page("a room", "/rooms/" + ROOM, "playground", "room"),
				page("a room's projector view", "/rooms/" + ROOM + "/projector", "playground", "room"),
				page("the error page", "/error"));
	}

	private static Arguments page(String name, String path, String... stylesheets) {
		List<String> expected = new ArrayList<>(List.of("app"));
		expected.addAll(List.of(stylesheets));
		return arguments(Named.of(name, path), expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void headShouldBeTheSharedOneWithThePagesStylesheets(String path, List<String> stylesheets) throws Exception {
		String html = this.mvc.get()
			.uri(path.contains(ROOM) ? path.replace(ROOM, openRoom()) : path)
			.accept(MediaType.TEXT_HTML)
			// What the servlet container sets when it dispatches an error to /error
			.requestAttr("jakarta.servlet.error.status_code", 404)
			.exchange()
			.getResponse()
			.getContentAsString();
		Matcher head = HEAD.matcher(html);
		assertThat(head.find()).as("a <head> in %s", path).isTrue();
		assertThat(head.group(1)).contains("<meta charset=\"utf-8\">")
			.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.contains("<meta name=\"htmx-config\"")
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">")
			.containsPattern("<script defer src=\"/webjars/htmx.org/[^\"]+/dist/htmx.min.js\"></script>")
			.contains("<script type=\"module\" src=\"/js/app.js\"></script>")
			.containsPattern("<title>[^<]*Traffic Lab</title>");
		assertThat(names(STYLESHEET.matcher(head.group(1)))).as("the stylesheets in the head").isEqualTo(stylesheets);
		String body = html.substring(head.end());
		assertThat(body).doesNotContain("rel=\"stylesheet\"");
		String markup = COMMENT.matcher(html).replaceAll("");
		assertThat(markup).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
			.doesNotContain("<style")
			.doesNotContain(" style=")
			.doesNotContain("th:");
	}

	/** A room on a new sandbox, opened as a teacher's page opens it: its code. */
	private String openRoom() throws Exception {
		String sandbox = JsonPath.read(this.mvc.post()
			.uri("/api/v1/sandboxes?preset=uneven-3-1-0")
			.exchange()
			.getResponse()
			.getContentAsString(), "$.id");
		return JsonPath.read(
				this.mvc.post().uri("/api/v1/rooms?sandbox=" + sandbox).exchange().getResponse().getContentAsString(),
				"$.code");
	}

	private static List<String> names(Matcher stylesheets) {
		List<String> names = new ArrayList<>();
		while (stylesheets.find()) {
			names.add(stylesheets.group(1));
		}
		return names;
	}

}
