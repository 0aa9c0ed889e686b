package io.trafficlab;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the MockMvc tests read of a response: its body as text, and the {@code {"errors":
 * [...]}} every refusal answers with.
 */
public final class Responses {

	private Responses() {
	}

	/** The response's body, as UTF-8 text. */
	public static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	/**
	 * A refusal with {@code status} whose {@code errors} are exactly {@code messages}.
	 */
	public static void assertError(MvcTestResult result, HttpStatus status, String... messages) {
		assertThat(result).hasStatus(status)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.containsExactly((Object[]) messages);
	}

}
