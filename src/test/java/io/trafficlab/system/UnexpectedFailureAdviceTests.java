package io.trafficlab.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Tests for {@link UnexpectedFailureAdvice}: a bug in Traffic Lab (here a collaborator
 * that fails) answers {@code 500} with a reference, never the stack trace, and the log
 * has the stack trace once under the same reference.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureAdviceTests {

	private static final Pattern REFERENCE = Pattern.compile("\\(reference ([0-9a-f]{8})\\)");

	private static final String BUG = "the registry broke (a simulated bug)";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private SandboxRegistry registry;

	@Test
	void apiWhenAControllerFailsShouldAnswer500WithAReferenceAndLogTheStackTraceOnceUnderIt(CapturedOutput output)
			throws Exception {
		given(this.registry.get("broken")).willThrow(new IllegalStateException(BUG));
		MvcTestResult result = this.mvc.get().uri("/api/v1/sandboxes/broken/snapshot").exchange();
		assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.startsWith("Traffic Lab failed on this request (reference ")
			.contains("This is a bug in Traffic Lab, not in the request");
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain(BUG, "IllegalStateException", "at io.trafficlab");
		assertLoggedOnceWithStackTrace(output, reference(body));
	}

	@Test
	void pageWhenAControllerFailsShouldShowThe500PageWithTheReference(CapturedOutput output) throws Exception {
		given(this.registry.createFromPreset(any(), any())).willThrow(new IllegalStateException(BUG));
		MvcTestResult result = this.mvc.get().uri("/embed?run=1").accept(MediaType.TEXT_HTML).exchange();
		assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		String body = result.getResponse().getContentAsString();
		assertThat(body).contains("<html", "Something went wrong on our side (reference ")
			.doesNotContain(BUG, "IllegalStateException", "at io.trafficlab");
		assertLoggedOnceWithStackTrace(output, reference(body));
	}

	@Test
	void htmxRequestWhenAControllerFailsShouldGetANoticeWithTheReference(CapturedOutput output) throws Exception {
		given(this.registry.createFromPreset(any(), any())).willThrow(new IllegalStateException(BUG));
		MvcTestResult result = this.mvc.get().uri("/embed?run=1").header("HX-Request", "true").exchange();
		assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasHeader("HX-Retarget", "#request-error");
		String body = result.getResponse().getContentAsString();
		assertThat(body).contains("notice--error").doesNotContain("<html", BUG);
		assertLoggedOnceWithStackTrace(output, reference(body));
	}

	private static String reference(String body) {
		Matcher matcher = REFERENCE.matcher(body);
		assertThat(matcher.find()).as("a reference in %s", body).isTrue();
		return matcher.group(1);
	}

	private static void assertLoggedOnceWithStackTrace(CapturedOutput output, String reference) {
		String log = output.getOut() + output.getErr();
		assertThat(log).containsOnlyOnce("(reference " + reference + ")")
			.containsOnlyOnce("java.lang.IllegalStateException: " + BUG);
		String fromTheReference = log.substring(log.indexOf("(reference " + reference + ")"));
		assertThat(fromTheReference).contains("java.lang.IllegalStateException: " + BUG)
			.containsPattern("\\tat io\\.trafficlab\\.");
	}

}
