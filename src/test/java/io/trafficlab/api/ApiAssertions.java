package io.trafficlab.api;

import org.assertj.core.api.AssertProvider;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions the API's controller tests share.
 */
final class ApiAssertions {

	private ApiAssertions() {
	}

	/** The request is answered 400, in JSON, with at least one error. */
	static void assertBadRequestWithErrors(AssertProvider<MvcTestResultAssert> request) {
		assertThat(request).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.isNotEmpty();
	}

}
