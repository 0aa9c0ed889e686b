package io.trafficlab.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code deploy/haproxy/haproxy.cfg} in the real {@code haproxy} binary, in
 * front of two tiny HTTP servers standing in for instances A and B (each answers its own
 * name): every key shape reaches its owner, keyless requests and a room watcher's
 * WebSocket are balanced, and with B down a B key reaches A. Skipped without
 * {@code haproxy} on the machine, unless {@code -Dtrafficlab.test.haproxy.required=true}
 * (as {@code .ci/run} passes), which makes it fail instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaproxyConfigTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static HttpServer instanceA;

	private static HttpServer instanceB;

	private static ShippedHaproxy haproxy;

	private static int port;

	@BeforeAll
	static void startHaproxyInFrontOfTwoInstances() throws Exception {
		ShippedHaproxy.binary();
		instanceA = instance("A");
		instanceB = instance("B");
		haproxy = ShippedHaproxy.start(instanceA.getAddress().getPort(), instanceB.getAddress().getPort());
		port = haproxy.port();
	}

	@AfterAll
	static void stopAll() {
		if (haproxy != null) {
			haproxy.close();
		}
		if (instanceA != null) {
			instanceA.stop(0);
		}
		if (instanceB != null) {
			instanceB.stop(0);
		}
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@Order(1)
	@CsvSource({ "GET, /api/v1/sandboxes/B-AAAAAAAAAAAAAAAAAAAAAA/snapshot, B",
			"GET, /api/v1/sandboxes/a-AAAAAAAAAAAAAAAAAAAAAA/snapshot, A",
			"POST, /api/v1/sandboxes/b-AAAAAAAAAAAAAAAAAAAAAA/pause, B", "GET, /api/v1/rooms/BK7F2Q/snapshot, B",
			"GET, /api/v1/rooms/ak7f2q, A", "GET, /rooms/BK7F2Q, B", "GET, /rooms/bk7f2q/teach, B",
			"GET, /rooms/BK7-F2Q, B", "GET, /rooms/bk7-f2q/projector, B", "GET, /rooms/AK7-F2Q, A",
			"GET, /?sandbox=B-AAAAAAAAAAAAAAAAAAAAAA, B",
			"GET, /lessons/one/two/curl?sandbox=b-AAAAAAAAAAAAAAAAAAAAAA, B",
			"GET, /challenges/some/check?sandbox=A-AAAAAAAAAAAAAAAAAAAAAA, A",
			"POST, /rooms/new?sandbox=B-AAAAAAAAAAAAAAAAAAAAAA, B", "GET, /ws?sandbox=B-AAAAAAAAAAAAAAAAAAAAAA, B" })
	void keyedRequestShouldReachItsOwner(String method, String path, String owner) throws Exception {
		for (int i = 0; i < 4; i++) {
			assertThat(send(method, path)).as("attempt %d", i + 1).isEqualTo(owner);
		}
	}

	@Test
	@Order(1)
	void formPostingItsSandboxShouldReachItsOwner() throws Exception {
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> response = HTTP.send(request("/lessons/one/two/questions/three")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("choice=2&sandbox=B-AAAAAAAAAAAAAAAAAAAAAA"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).isEqualTo("B");
		}
	}

	@ParameterizedTest(name = "{0}")
	@Order(1)
	@CsvSource({ "/ws?room=BK7F2Q", "/ws?room=AK7F2Q", "/", "/lessons", "/rooms/new", "/rooms/new/",
			"/api/v1/sandboxes", "/ws" })
	void requestWithoutOwnerShouldBeBalanced(String path) throws Exception {
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < 8; i++) {
			answered.add(send("GET", path));
		}
		assertThat(answered).containsExactlyInAnyOrder("A", "B");
	}

	@Test
	@Order(2)
	void keyOfAnInstanceThatIsDownShouldReachAnother() throws Exception {
		instanceB.stop(0);
		// Health checks every 2 s, down after two failures; a request meanwhile is
		// redispatched
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!haproxy.log().contains("is DOWN") && System.nanoTime() < deadline) {
			assertThat(send("GET", "/api/v1/sandboxes/B-AAAAAAAAAAAAAAAAAAAAAA/snapshot")).isEqualTo("A");
			Thread.sleep(200);
		}
		assertThat(haproxy.log()).contains("Server instances/B is DOWN");
		for (int i = 0; i < 4; i++) {
			assertThat(send("GET", "/rooms/BK7F2Q")).isEqualTo("A");
			assertThat(send("GET", "/ws?sandbox=B-AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo("A");
		}
	}

	private static String send(String method, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				request(path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isEqualTo(200);
		return response.body();
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
	}

	/** An instance that answers every request with its name. */
	private static HttpServer instance(String name) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] body = name.getBytes(StandardCharsets.UTF_8);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

}
