package io.trafficlab.system;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link UncaughtFailureFilter}: what no handler saw becomes a 500 whose
 * reference the error page repeats, logged once; a response already sent is left alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class UncaughtFailureFilterTests {

	private final UncaughtFailureFilter filter = new UncaughtFailureFilter();

	@Test
	void filterWhenTheViewFailsToRenderShouldSend500AndKeepTheReportForTheErrorPage(CapturedOutput output)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/lessons");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> {
			throw new ServletException("Request processing failed", new IllegalStateException("template broke"));
		});
		assertThat(response.getStatus()).isEqualTo(500);
		BugReport report = BugReport.of(request);
		assertThat(report).isNotNull();
		assertThat(output).containsOnlyOnce("Unexpected failure on GET /lessons (reference " + report.reference() + ")")
			.containsOnlyOnce("java.lang.IllegalStateException: template broke");
	}

	@Test
	void filterWhenTheResponseIsAlreadyCommittedShouldLetTheFailureGoOn() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/lessons");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> this.filter.doFilter(request, response, (req, res) -> {
				res.flushBuffer();
				throw new ServletException("too late");
			}));
		assertThat(BugReport.of(request)).isNull();
	}

}
