package io.trafficlab.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorPageController}, and that the home page (the live sandbox) links
 * to the analyzer. MockMvc does not perform the servlet container's error dispatch, so
 * the error path is requested directly with the attributes the container sets.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPageControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void homeShouldLinkToTheAnalyzer() {
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().contains("href=\"/analyze\"");
	}

	@Test
	void errorWhenPageIsMissingShouldRenderAPlainPageWithoutDetails() {
		assertThat(this.mvc.get()
			.uri("/error")
			.accept(MediaType.TEXT_HTML)
			.requestAttr("jakarta.servlet.error.status_code", 404)
			.requestAttr("jakarta.servlet.error.request_uri", "/nowhere")
			.requestAttr("jakarta.servlet.error.exception", new IllegalStateException("secret detail")))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("<html")
			.contains("There is no page at this address.")
			.doesNotContain("secret detail")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void errorWhenHtmxRequestShouldRetargetANoticeToTheAlertRegion() {
		var result = assertThat(this.mvc.post()
			.uri("/error")
			.header("HX-Request", "true")
			.requestAttr("jakarta.servlet.error.status_code", 500)
			.requestAttr("jakarta.servlet.error.request_uri", "/analyze"));
		result.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasHeader("HX-Retarget", "#request-error");
		result.bodyText().doesNotContain("<html").contains("notice--error");
	}

	@Test
	void errorWhenApiRequestFailedShouldAnswerJson500WithAReference() {
		assertThat(this.mvc.get()
			.uri("/error")
			.accept(MediaType.TEXT_HTML)
			.requestAttr("jakarta.servlet.error.status_code", 500)
			.requestAttr("jakarta.servlet.error.request_uri", "/api/v1/analyze"))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.singleElement()
			.asString()
			.containsPattern("\\(reference [0-9a-f]{8}\\)");
	}

	@Test
	void errorWhenApiRequestWasTooLargeShouldSayTheLimit() {
		assertThat(this.mvc.post()
			.uri("/error")
			.requestAttr("jakarta.servlet.error.status_code", 413)
			.requestAttr("jakarta.servlet.error.request_uri", "/api/v1/trace")).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE)
			.bodyJson()
			.isEqualTo("{\"errors\":[\"The request body is over the 16 MiB limit.\"]}");
	}

	@Test
	void pageWhenMissingShouldNotBeHandledAsApi() {
		assertThat(this.mvc.get().uri("/no-such-page").accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.doesNotContain("\"errors\"");
	}

}
