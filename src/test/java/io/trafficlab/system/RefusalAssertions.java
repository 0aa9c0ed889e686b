package io.trafficlab.system;

import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.AssertProvider;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal every feature answers with, {@code {"errors": ["…"]}} ({@link ErrorsJson}),
 * for the tests of any package.
 */
public final class RefusalAssertions {

	private RefusalAssertions() {
	}

	/**
	 * The request is answered with {@code status}; the returned assertion is on the text
	 * of its first error.
	 */
	public static AbstractStringAssert<?> assertRefused(AssertProvider<MvcTestResultAssert> request,
			HttpStatus status) {
		return assertThat(request).hasStatus(status).bodyJson().extractingPath("$.errors[0]").asString();
	}

}
