package io.trafficlab.system;

import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure that is a bug in Traffic Lab, not in the request: logged once, with its stack
 * trace, under a short reference that the answer repeats, so that what a person reports
 * can be found in the log. The answer never carries the stack trace.
 *
 * @param reference eight hexadecimal digits, in the log line and in the answer
 */
record BugReport(String reference) {

	/** The request attribute that carries the report on to the error dispatch. */
	static final String ATTRIBUTE = BugReport.class.getName();

	private static final Logger logger = LoggerFactory.getLogger(BugReport.class);

	/** Logs the failure (with its stack trace, if there is one) under a new reference. */
	static BugReport log(HttpServletRequest request, @Nullable Throwable failure) {
		BugReport report = new BugReport(UUID.randomUUID().toString().substring(0, 8));
		Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (failedUri instanceof String failed) ? failed : request.getRequestURI();
		logger.error("Unexpected failure on {} {} (reference {})", request.getMethod(), uri, report.reference(),
				failure);
		request.setAttribute(ATTRIBUTE, report);
		return report;
	}

	/** The report a filter or handler already made for this request, if any. */
	static @Nullable BugReport of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof BugReport report) ? report : null;
	}

	String apiMessage() {
		return "Traffic Lab failed on this request (reference " + this.reference
				+ "). This is a bug in Traffic Lab, not in the request; the details are in the server log.";
	}

	String pageMessage() {
		return "Something went wrong on our side (reference " + this.reference
				+ "). The details are in the server log.";
	}

}
