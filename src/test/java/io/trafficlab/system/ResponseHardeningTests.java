package io.trafficlab.system;

import io.trafficlab.TestManifests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON and YAML answers carry {@code X-Content-Type-Options: nosniff}, errors included;
 * the bundle's source map is not served.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ResponseHardeningTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void jsonAndYamlAnswersShouldSayNosniff() {
		String location = this.mvc.post()
			.uri("/api/v1/sandboxes?preset=empty")
			.exchange()
			.getResponse()
			.getHeader("Location");
		String api = location.substring(0, location.lastIndexOf('/'));
		assertThat(this.mvc.get().uri(location)).hasStatusOk().hasHeader("X-Content-Type-Options", "nosniff");
		assertThat(this.mvc.get().uri(api + "/manifests")).hasStatusOk()
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasContentType("application/yaml;charset=UTF-8");
		assertThat(this.mvc.post().uri("/api/v1/analyze").contentType("application/yaml").content("kind: [\n"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasHeader("X-Content-Type-Options", "nosniff");
		assertThat(this.mvc.post()
			.uri("/api/v1/analyze")
			.contentType("application/yaml")
			.content(TestManifests.uneven310())).hasStatusOk().hasHeader("X-Content-Type-Options", "nosniff");
	}

	@Test
	void theSourceMapShouldNotBeServed() {
		assertThat(this.mvc.get().uri("/js/app.js.map")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
