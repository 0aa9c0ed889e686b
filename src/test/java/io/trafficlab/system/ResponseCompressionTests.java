package io.trafficlab.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that offers gzip (every browser does) gets the stylesheets, scripts and pages
 * gzipped by the real server; a client that offers nothing gets them as they are.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ResponseCompressionTests {

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void browsersShouldGetTextGzipped() throws Exception {
		for (String path : new String[] { "/css/app.css", "/?preset=uneven-3-1-0" }) {
			HttpResponse<byte[]> gzipped = get(path, "gzip, deflate, br");
			HttpResponse<byte[]> plain = get(path, null);
			assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
			assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
			assertThat(gzipped.body().length).as(path).isLessThan(plain.body().length / 2);
		}
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
