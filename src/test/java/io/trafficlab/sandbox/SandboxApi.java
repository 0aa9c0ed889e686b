package io.trafficlab.sandbox;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox API as the controller tests drive it through MockMvc: creating a sandbox,
 * reading its snapshot, a setting's refusal of an unknown value, and any answer's body.
 */
final class SandboxApi {

	private SandboxApi() {
	}

	/** A new sandbox from the preset, seeded 1: its id. */
	static String create(MockMvcTester mvc, String preset) {
		return createAt(mvc, "/api/v1/sandboxes?seed=1&preset=" + preset);
	}

	/**
	 * A new sandbox from this creation address (a preset, a link, a load balancer): its
	 * id.
	 */
	static String createAt(MockMvcTester mvc, String uri) {
		MvcTestResult result = mvc.post().uri(uri).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(body(result), "$.id");
	}

	/**
	 * A new sandbox from posted YAML manifests: its id, read from the answer's
	 * {@code Location}.
	 */
	static String createFrom(MockMvcTester mvc, String yaml) {
		String location = mvc.post()
			.uri("/api/v1/sandboxes")
			.contentType("application/yaml")
			.content(yaml)
			.exchange()
			.getResponse()
			.getHeader("Location");
		assertThat(location).isNotNull();
		return location.split("/")[4];
	}

	/** The sandbox's snapshot, as JSON text. */
	static String snapshot(MockMvcTester mvc, String id) {
		MvcTestResult result = mvc.get().uri("/api/v1/sandboxes/" + id + "/snapshot").exchange();
		assertThat(result).hasStatusOk();
		return body(result);
	}

	/**
	 * {@code PUT uri} with a value the setting does not have: a 400 that names the values
	 * it has.
	 */
	static void assertUnknownValueRefused(MockMvcTester mvc, String uri, String allowedValues) {
		MvcTestResult result = mvc.put().uri(uri).exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(result)).contains("Query parameter 'value' must be one of: " + allowedValues);
	}

	static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
