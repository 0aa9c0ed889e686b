package io.trafficlab.api;

import io.trafficlab.TestManifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everywhere manifests are accepted ({@code POST /api/v1/analyze}, {@code /api/v1/trace},
 * {@code /api/v1/sandboxes} and a sandbox's {@code /manifests}), only YAML or JSON in
 * UTF-8: any other type, an unknown charset or a multipart body is a 415 that names the
 * type sent and the accepted ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ManifestMediaTypeTests {

	private static final String ACCEPTED = "application/yaml, text/yaml, application/x-yaml or application/json";

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "*/*", "application/yaml;charset=latin-9",
			"application/yaml;charset=ISO-8859-1", "text/yaml; charset=x-unknown", "nonsense" })
	void sandboxCreateWhenTheTypeIsNotYamlOrJsonInUtf8ShouldAnswer415NamingIt(String type) {
		assertThat(this.mvc.post()
			.uri("/api/v1/sandboxes")
			.header("Content-Type", type)
			.content(TestManifests.uneven310())).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.startsWith("Content-Type " + type + " is not accepted")
			.contains(ACCEPTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "nonsense", "application/yaml;charset=latin1" })
	void analyzeAndTraceWhenTheTypeIsNotYamlOrJsonInUtf8ShouldAnswer415NamingIt(String type) {
		for (String uri : new String[] { "/api/v1/analyze", "/api/v1/trace?node=n1&from=external&to=nodePort" }) {
			assertThat(this.mvc.post().uri(uri).header("Content-Type", type).content(TestManifests.uneven310())).as(uri)
				.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.bodyJson()
				.extractingPath("$.errors[0]")
				.asString()
				.startsWith("Content-Type " + type + " is not accepted")
				.contains("application/x-yaml");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/yaml", "application/yaml; charset=UTF-8", "text/yaml;charset=utf8",
			"application/json;charset=utf-8" })
	void sandboxCreateWhenYamlOrJsonInUtf8ShouldCreateIt(String type) {
		String body = type.contains("json") ? "{\"apiVersion\": \"v1\", \"kind\": \"Service\", \"metadata\": "
				+ "{\"name\": \"web\"}, \"spec\": {\"selector\": {\"app\": \"web\"}, \"ports\": [{\"port\": 80}]}}"
				: TestManifests.uneven310();
		assertThat(this.mvc.post().uri("/api/v1/sandboxes").header("Content-Type", type).content(body))
			.hasStatus(HttpStatus.CREATED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/sandboxes", "/api/v1/sandboxes?preset=empty" })
	void sandboxCreateWhenTheBodyIsMultipartShouldAnswer415InsteadOfStartingThePreset(String uri) {
		assertThat(this.mvc.post()
			.uri(uri)
			.header("Content-Type", "multipart/form-data; boundary=x")
			.content("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\n\r\n"
					+ TestManifests.uneven310() + "\r\n--x--\r\n"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.bodyJson()
			.extractingPath("$.errors[0]")
			.asString()
			.contains("multipart/form-data")
			.contains(ACCEPTED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "text/plain" })
	void sandboxManifestsWhenNotYamlOrJsonShouldAnswer415(String type) {
		String id = this.mvc.post()
			.uri("/api/v1/sandboxes?preset=empty")
			.exchange()
			.getResponse()
			.getHeader("Location")
			.replaceAll(".*/sandboxes/([^/]+)/.*", "$1");
		var request = this.mvc.post().uri("/api/v1/sandboxes/" + id + "/manifests").content(TestManifests.uneven310());
		if (!type.isEmpty()) {
			request = request.header("Content-Type", type);
		}
		assertRefused(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE).contains(ACCEPTED);
	}

}
