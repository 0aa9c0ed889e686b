package io.trafficlab.deploy;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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

	private static final Path CONFIG = Path.of("deploy/haproxy/haproxy.cfg");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static HttpServer instanceA;

	private static HttpServer instanceB;

	private static Process haproxy;

	private static Path haproxyLog;

	private static int port;

	@BeforeAll
	static void startHaproxyInFrontOfTwoInstances() throws Exception {
		File binary = haproxyBinary();
		instanceA = instance("A");
		instanceB = instance("B");
		port = freePort();
		haproxyLog = Files.createTempFile("haproxy", ".log");
		ProcessBuilder builder = new ProcessBuilder(binary.getPath(), "-db", "-f", CONFIG.toString())
			.redirectErrorStream(true)
			.redirectOutput(haproxyLog.toFile());
		builder.environment().put("TRAFFICLAB_BIND", "127.0.0.1:" + port);
		builder.environment().put("TRAFFICLAB_A", "127.0.0.1:" + instanceA.getAddress().getPort());
		builder.environment().put("TRAFFICLAB_B", "127.0.0.1:" + instanceB.getAddress().getPort());
		haproxy = builder.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!answers() && System.nanoTime() < deadline) {
			assertThat(haproxy.isAlive()).as("haproxy is running; its output: %s", log()).isTrue();
			Thread.sleep(50);
		}
		assertThat(answers()).as("haproxy answers on port %d; its output: %s", port, log()).isTrue();
	}

	@AfterAll
	static void stopAll() throws Exception {
		if (haproxy != null) {
			haproxy.destroy();
			if (!haproxy.waitFor(5, TimeUnit.SECONDS)) {
				haproxy.destroyForcibly();
			}
		}
		if (instanceA != null) {
			instanceA.stop(0);
		}
		if (instanceB != null) {
			instanceB.stop(0);
		}
		if (haproxyLog != null) {
			Files.deleteIfExists(haproxyLog);
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
		while (!log().contains("is DOWN") && System.nanoTime() < deadline) {
			assertThat(send("GET", "/api/v1/sandboxes/B-AAAAAAAAAAAAAAAAAAAAAA/snapshot")).isEqualTo("A");
			Thread.sleep(200);
		}
		assertThat(log()).contains("Server instances/B is DOWN");
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

	private static File haproxyBinary() {
		for (String candidate : new String[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }) {
			File file = new File(candidate);
			if (file.canExecute()) {
				return file;
			}
		}
		String why = "haproxy is not installed (apt-get install haproxy; .ci/run does it)";
		if (Boolean.getBoolean("trafficlab.test.haproxy.required")) {
			throw new IllegalStateException(why);
		}
		Assumptions.abort(why);
		throw new AssertionError(why);
	}

	private static boolean answers() {
		try {
			HTTP.send(request("/").build(), HttpResponse.BodyHandlers.discarding());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String log() {
		try {
			return Files.readString(haproxyLog);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

}
