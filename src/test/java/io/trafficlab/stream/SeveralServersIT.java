package io.trafficlab.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.trafficlab.deploy.ShippedHaproxy;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.SandboxDestinations;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances, A and B, on the real RabbitMQ (started by {@code .ci/run}) behind the
 * real HAProxy running the shipped {@code deploy/haproxy/haproxy.cfg}, as an operator
 * runs them: a teacher's room on A; students connecting through the balancer land on both
 * instances and receive the same batches and the snapshot; a student on B cannot send; B
 * stops, and its students reconnect through the balancer and keep watching A's room; B's
 * sandbox is reported ended with words that say why.
 */
class SeveralServersIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int STUDENTS = 6;

	private static @Nullable ConfigurableApplicationContext instanceA;

	private static @Nullable ConfigurableApplicationContext instanceB;

	private static @Nullable ShippedHaproxy haproxy;

	@BeforeAll
	static void startTwoInstancesBehindHaproxy() throws Exception {
		RabbitMqBroker broker = RabbitMqBroker.fromSystemProperties();
		ShippedHaproxy.binary();
		instanceA = broker.startInstance("A", "server.forward-headers-strategy=native");
		instanceB = broker.startInstance("B", "server.forward-headers-strategy=native");
		haproxy = ShippedHaproxy.start(port(instanceA), port(instanceB));
		// Until HAProxy's health checks see both instances up, a key of B's could reach A
		await("HAProxy routes A's keys to A", () -> reaches("A"), Duration.ofSeconds(20));
		await("HAProxy routes B's keys to B", () -> reaches("B"), Duration.ofSeconds(20));
	}

	@AfterAll
	static void stopAll() {
		if (haproxy != null) {
			haproxy.close();
		}
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { instanceA, instanceB }) {
			if (instance != null && instance.isActive()) {
				instance.close();
			}
		}
	}

	@Test
	void aRoomShouldBeWatchedThroughBothInstancesAndOutliveTheSecond() throws Exception {
		// The teacher's sandbox and room on A (the page that made them was served by A)
		String teacherSandbox = post(port(instanceA), SandboxDestinations.API + "?preset=six-replicas-spread").get("id")
			.asString();
		assertThat(teacherSandbox).startsWith("A-");
		JsonNode room = post(balancer(), RoomDestinations.API + "?sandbox=" + teacherSandbox);
		RoomCode code = new RoomCode(room.get("code").asString());
		assertThat(code.value()).startsWith("A");
		await("B hears that A opened the room", () -> bean(instanceB, PeerReports.class).openElsewhere(code),
				Duration.ofSeconds(5));
		// Each hears the other once a second; on a busy machine a report can come late
		await("A hears B", () -> bean(instanceA, PeerReports.class).heard().equals(List.of("B")),
				Duration.ofSeconds(5));
		assertThat(get(port(instanceA), "/api/v1/instance").get("peers").toString()).isEqualTo("[\"B\"]");

		// Students through the balancer, which spreads room watchers over both instances
		List<Student> students = new ArrayList<>();
		try (StompTestClient client = new StompTestClient(balancer())) {
			for (int i = 0; i < STUDENTS; i++) {
				students.add(watchRoom(client, code));
			}
			long onB = students.stream().filter((student) -> student.onB).count();
			assertThat(STUDENTS - onB).as("students on A").isPositive();
			assertThat(onB).as("students on B").isPositive();

			// The same batches on both instances, carried by the broker from A
			Student last = students.get(STUDENTS - 1);
			Map<String, Object> batch = last.batch();
			long seq = StompTestClient.number(batch, "seq");
			for (Student student : students.subList(0, STUDENTS - 1)) {
				assertThat(student.batchNumbered(seq)).as("batch %d for every student", seq).isEqualTo(batch);
			}
			assertThat(batch.toString()).doesNotContain(teacherSandbox);

			// The snapshot, from A whichever instance carries the stream, and never the
			// sandbox id
			JsonNode snapshot = get(balancer(), RoomDestinations.API + "/" + code.value() + "/snapshot");
			assertThat(snapshot.get("id").asString()).isEqualTo(code.value());
			assertThat(snapshot.get("seq").asLong()).isPositive();
			assertThat(snapshot.toString()).doesNotContain(teacherSandbox);

			// Seats count watchers on both instances
			await("A counts B's watchers in the room's seats", () -> watching(code) == STUDENTS, Duration.ofSeconds(5));

			// A student on B cannot send to the room
			Student onInstanceB = students.stream().filter((student) -> student.onB).findFirst().orElseThrow();
			onInstanceB.session.send(RoomDestinations.eventsTopic(code), Map.of("type", "StreamEnded"));
			assertThat(onInstanceB.errors.poll(5, TimeUnit.SECONDS)).contains("only carries events to the browser");

			// A sandbox of B's, watched through the balancer
			String sandboxOfB = post(port(instanceB), SandboxDestinations.API).get("id").asString();
			assertThat(sandboxOfB).startsWith("B-");
			Student sandboxWatcher = Student.watchSandbox(client, sandboxOfB);
			assertThat(sandboxWatcher.batch()).isNotNull();
			assertThat(bean(instanceB, StreamSubscriptions.class)
				.watches(StreamDestination.sandbox(sandboxOfB, StreamDestination.Kind.EVENTS))).isTrue();

			// B stops: its students reconnect through the balancer and keep watching A's
			// room
			instanceB.close();
			for (Student student : students) {
				if (student.onB) {
					await("a student of B's notices", () -> !student.session.isConnected(), Duration.ofSeconds(10));
					Student again = watchRoom(client, code);
					assertThat(again.onB).isFalse();
					assertThat(again.batch()).as("a batch after reconnecting").isNotNull();
				}
			}
			assertThat(students.stream().filter((student) -> !student.onB))
				.allSatisfy((student) -> assertThat(student.session.isConnected()).isTrue());

			// B's sandbox ended with its server, and says so
			HttpResponse<String> gone = send(balancer(),
					HttpRequest.newBuilder(uri(balancer(), SandboxDestinations.API + "/" + sandboxOfB + "/snapshot")));
			assertThat(gone.statusCode()).isEqualTo(404);
			assertThat(gone.body()).contains("lived on server B, which is not answering");
			StompSession again = client.connect("?sandbox=" + sandboxOfB, new WebSocketHttpHeaders(),
					sandboxWatcher.handler());
			again.subscribe(SandboxDestinations.eventsTopic(sandboxOfB), StompTestClient.jsonObjects((h, p) -> {
			}));
			assertThat(sandboxWatcher.errors.poll(10, TimeUnit.SECONDS)).contains("lived on server B");
		}
	}

	/** A student through the balancer, and which instance took the connection. */
	private static Student watchRoom(StompTestClient client, RoomCode code) throws Exception {
		int onA = watchersOn(instanceA, code);
		int onB = watchersOn(instanceB, code);
		Student student = Student.watch(client, code);
		await("the student is subscribed", () -> watchersOn(instanceA, code) + watchersOn(instanceB, code) > onA + onB,
				Duration.ofSeconds(5));
		student.onB = watchersOn(instanceB, code) > onB;
		return student;
	}

	private static int port(@Nullable ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static String haproxyLog() {
		return (haproxy != null) ? haproxy.log() : "";
	}

	private static int balancer() {
		return haproxy.port();
	}

	private static <T> T bean(@Nullable ConfigurableApplicationContext instance, Class<T> type) {
		return instance.getBean(type);
	}

	private static int watchersOn(@Nullable ConfigurableApplicationContext instance, RoomCode code) {
		if (instance == null || !instance.isActive()) {
			return 0;
		}
		return bean(instance, StreamSubscriptions.class).roomWatchers().getOrDefault(code.value(), 0);
	}

	/** The room's seats taken, as its owner counts them. */
	private static int watching(RoomCode code) {
		try {
			return get(balancer(), RoomDestinations.API + "/" + code.value()).get("watching").asInt();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	/**
	 * A room code of the instance's own answers 404 "no room" there; another instance
	 * answers 410, "its server is not answering".
	 */
	private static boolean reaches(String instance) {
		try {
			HttpResponse<String> response = send(balancer(),
					HttpRequest.newBuilder(uri(balancer(), RoomDestinations.API + "/" + instance + "22222")));
			return response.statusCode() == 404;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static JsonNode post(int port, String path) throws Exception {
		HttpResponse<String> response = send(port,
				HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).as("POST %s: %s; HAProxy: %s", path, response.body(), haproxyLog())
			.isBetween(200, 201);
		return JSON.readTree(response.body());
	}

	private static JsonNode get(int port, String path) throws Exception {
		HttpResponse<String> response = send(port, HttpRequest.newBuilder(uri(port, path)));
		assertThat(response.statusCode()).as("GET %s: %s; HAProxy: %s", path, response.body(), haproxyLog())
			.isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.header("Accept", "application/json").timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("within %s: %s", timeout, what).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	/** One browser's connection through the balancer, and what it received. */
	private static final class Student {

		private final BlockingQueue<Map<String, Object>> batches = new LinkedBlockingQueue<>();

		private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

		private @Nullable StompSession session;

		private boolean onB;

		static Student watch(StompTestClient client, RoomCode code) throws Exception {
			Student student = new Student();
			student.session = client.connect("?room=" + code.value(), new WebSocketHttpHeaders(), student.handler());
			student.session.subscribe(RoomDestinations.eventsTopic(code),
					StompTestClient.jsonObjects((headers, batch) -> student.batches.add(batch)));
			return student;
		}

		static Student watchSandbox(StompTestClient client, String id) throws Exception {
			Student student = new Student();
			student.session = client.connect("?sandbox=" + id, new WebSocketHttpHeaders(), student.handler());
			student.session.subscribe(SandboxDestinations.eventsTopic(id),
					StompTestClient.jsonObjects((headers, batch) -> student.batches.add(batch)));
			return student;
		}

		StompSessionHandlerAdapter handler() {
			return new StompSessionHandlerAdapter() {

				@Override
				public void handleFrame(StompHeaders headers, @Nullable Object payload) {
					Student.this.errors.add(String.valueOf(headers.getFirst("message")));
				}

			};
		}

		Map<String, Object> batch() throws InterruptedException {
			return this.batches.poll(10, TimeUnit.SECONDS);
		}

		@Nullable Map<String, Object> batchNumbered(long seq) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				Map<String, Object> batch = this.batches.poll(1, TimeUnit.SECONDS);
				if (batch != null && StompTestClient.number(batch, "seq") == seq) {
					return batch;
				}
			}
			return null;
		}

	}

}
