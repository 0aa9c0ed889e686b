package io.trafficlab.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 16 MiB limit over real HTTP: the application, not Tomcat, answers with a JSON {@code 413}, whether the client
 * declares the length or streams the body in chunks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RequestBodyLimitIntegrationTests {

	private static final String TOO_LARGE = "{\"errors\":[\"The request body is over the 16 MiB limit.\"]}";

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void analyzeWhenDeclaredLengthIsOverTheLimitShouldAnswer413AsJson() throws Exception {
		HttpResponse<String> response = post(BodyPublishers.ofByteArray(seventeenMebibytes()));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).isEqualTo(TOO_LARGE);
	}

	@Test
	void analyzeWhenChunkedBodyIsOverTheLimitShouldAnswer413AsJson() throws Exception {
		byte[] body = seventeenMebibytes();
		HttpResponse<String> response = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).isEqualTo(TOO_LARGE);
	}

	private HttpResponse<String> post(BodyPublisher body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/analyze"))
			.version(HttpClient.Version.HTTP_1_1)
			.header("Content-Type", "application/yaml")
			.timeout(Duration.ofSeconds(60))
			.POST(body)
			.build();
		return this.client.send(request, BodyHandlers.ofString());
	}

	private static byte[] seventeenMebibytes() {
		byte[] body = new byte[17 * 1024 * 1024];
		Arrays.fill(body, (byte) '#');
		return body;
	}

}
