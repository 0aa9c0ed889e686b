package io.trafficlab.api;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only real HTTP shows: the 16 MiB limit is the application's (a JSON {@code 413}
 * whether the client declares the length or streams the body in chunks), and Tomcat's
 * parameter decoding failures are 400s, not 500s.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiOverHttpIntegrationTests {

	private static final String TOO_LARGE = "{\"errors\":[\"The request body is over the 16 MiB limit.\"]}";

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void analyzeWhenDeclaredLengthIsOverTheLimitShouldAnswer413AsJson() throws Exception {
		HttpResponse<String> response = post(BodyPublishers.ofByteArray(seventeenMebibytes()));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).isEqualTo(TOO_LARGE);
	}

	@Test
	void analyzeWhenChunkedBodyIsOverTheLimitShouldAnswer413AsJson() throws Exception {
		byte[] body = seventeenMebibytes();
		HttpResponse<String> response = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).isEqualTo(TOO_LARGE);
	}

	@Test
	void analyzeWhenQueryStringCannotBeDecodedShouldAnswer400AsJson() throws Exception {
		String response = raw("POST /api/v1/analyze?lb=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/yaml\r\nContent-Length: 10\r\nConnection: close\r\n\r\nkind: Node");
		assertThat(response).startsWith("HTTP/1.1 400")
			.contains("Content-Type: application/json")
			.contains("{\"errors\":[\"The query string cannot be decoded");
	}

	@Test
	void pageWhenQueryStringCannotBeDecodedShouldAnswer400() throws Exception {
		String response = raw("GET /analyze?example=%ZZ HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400").contains("<html").doesNotContain("Exception");
	}

	/** java.net.URI refuses malformed escapes, so these requests are written by hand. */
	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private HttpResponse<String> post(BodyPublisher body) throws Exception {
		return post("/api/v1/analyze", body);
	}

	private HttpResponse<String> post(String path, BodyPublisher body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
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
