package io.trafficlab.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.TrafficLabApplication;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A load benchmark of the live sandboxes (not a unit test): starts Traffic Lab on a
 * random loopback port, creates {@code -Dsandboxes=200} sandboxes over HTTP, subscribes
 * one STOMP client to each sandbox's events and statistics (speed 1x), warms up for
 * {@code -Dwarmup=10} seconds, measures for {@code -Dseconds=60}, and stops by itself. It
 * reports the delay from each tick's start ({@code tickWallTime}) to its batch reaching
 * the client, and the heap each sandbox takes. With {@code -Dstudents=200} it measures a
 * classroom instead: one sandbox, a room opened on it, and that many STOMP clients (one
 * WebSocket each, like students' browsers) subscribed to the room's topics, so the broker
 * fans every batch out to all of them. Every client offers {@code permessage-deflate} as
 * browsers do; {@code -Dcompression=true} lets the server accept it. Everything stays on
 * 127.0.0.1. Run: see docs/sandbox-api.md, "Load benchmark".
 */
public final class SandboxLoadBenchmark {

	private static final Pattern TICK_WALL_TIME = Pattern.compile("\"tickWallTime\":(\\d+)");

	private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

	/**
	 * Delays are counted per millisecond up to this; anything slower lands in the last
	 * bucket.
	 */
	private static final int MAX_DELAY_MILLIS = 10_000;

	private final AtomicLongArray delays = new AtomicLongArray(MAX_DELAY_MILLIS + 1);

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong statistics = new AtomicLong();

	private final AtomicLong gaps = new AtomicLong();

	private final AtomicBoolean measuring = new AtomicBoolean();

	private SandboxLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int sandboxes = Integer.getInteger("sandboxes", 200);
		int seconds = Integer.getInteger("seconds", 60);
		int warmup = Integer.getInteger("warmup", 10);
		int students = Integer.getInteger("students", 0);
		new SandboxLoadBenchmark().run(sandboxes, seconds, warmup, students);
		System.exit(0);
	}

	private void run(int sandboxes, int seconds, int warmup, int students) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TrafficLabApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "logging.level.root=WARN",
					"spring.main.banner-mode=off", "trafficlab.sandbox.max-live=" + Math.max(500, sandboxes),
					"trafficlab.rooms.max-students=" + Math.max(200, students),
					"trafficlab.stream.compression=" + Boolean.getBoolean("compression"))
			.run();
		try {
			String base = "127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			long heapBefore = usedHeapAfterGc();
			List<String> ids = createSandboxes("http://" + base, (students > 0) ? 1 : sandboxes);
			long heapWithSandboxes = usedHeapAfterGc();
			WebSocketStompClient client = stompClient();
			List<StompSession> sessions = new ArrayList<>();
			if (students > 0) {
				String topics = "/topic/rooms/" + openRoom("http://" + base, ids.get(0));
				for (int i = 0; i < students; i++) {
					sessions.add(subscribe(client, "ws://" + base + "/ws", topics));
				}
			}
			else {
				for (String id : ids) {
					sessions.add(subscribe(client, "ws://" + base + "/ws", "/topic/sandboxes/" + id));
				}
			}
			System.out.printf(Locale.ROOT, "%d sandboxes, %d STOMP sessions; warming up %d s%n", ids.size(),
					sessions.size(), warmup);
			TimeUnit.SECONDS.sleep(warmup);
			this.measuring.set(true);
			long start = System.nanoTime();
			TimeUnit.SECONDS.sleep(seconds);
			this.measuring.set(false);
			double measured = (System.nanoTime() - start) / 1e9;
			sessions.forEach(StompSession::disconnect);
			client.stop();
			TimeUnit.SECONDS.sleep(1);
			long heapAfterRun = usedHeapAfterGc();
			report(ids.size(), sessions.size(), measured, heapBefore, heapWithSandboxes, heapAfterRun);
		}
		finally {
			context.close();
		}
	}

	private static List<String> createSandboxes(String base, int count) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Pattern id = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/sandboxes?seed=" + i))
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher matcher = id.matcher(response.body());
			if (response.statusCode() != 201 || !matcher.find()) {
				throw new IllegalStateException(
						"Creating sandbox " + i + " failed: " + response.statusCode() + " " + response.body());
			}
			ids.add(matcher.group(1));
		}
		return ids;
	}

	/** Opens a room on the sandbox and answers its code. */
	private static String openRoom(String base, String sandbox) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/rooms?sandbox=" + sandbox))
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher code = Pattern.compile("\"code\":\"([A-Z0-9]+)\"").matcher(response.body());
		if (response.statusCode() != 201 || !code.find()) {
			throw new IllegalStateException("Opening a room failed: " + response.statusCode() + " " + response.body());
		}
		return code.group(1);
	}

	private static WebSocketStompClient stompClient() {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(2 * 1024 * 1024);
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
		client.setInboundMessageSizeLimit(2 * 1024 * 1024);
		// The payload stays bytes: parsing every batch would load the machine the server
		// runs on
		client.setMessageConverter(new SimpleMessageConverter());
		return client;
	}

	/**
	 * One WebSocket with a STOMP session on {@code topics + "/events"} and
	 * {@code topics + "/stats"}.
	 */
	private StompSession subscribe(WebSocketStompClient client, String url, String topics) throws Exception {
		// Every browser offers compression; Chromium's exact offer is
		// "permessage-deflate; client_max_window_bits", which Tomcat's client sends as
		// this
		WebSocketHttpHeaders offer = new WebSocketHttpHeaders();
		offer.setSecWebSocketExtensions(
				List.of(new WebSocketExtension("permessage-deflate", Map.of("client_max_window_bits", "15"))));
		CompletableFuture<StompSession> connecting = client.connectAsync(url, offer, new StompHeaders(),
				new StompSessionHandlerAdapter() {
				});
		StompSession session = connecting.get(10, TimeUnit.SECONDS);

		session.subscribe(topics + "/events", new BatchTimer());
		session.subscribe(topics + "/stats", new Counter(this.statistics));
		return session;
	}

	/**
	 * Records each batch's delay from scanning the JSON for two numbers: parsing it all
	 * would load the client.
	 */
	private final class BatchTimer implements StompFrameHandler {

		private long lastSeq = -1;

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			long arrived = System.currentTimeMillis();
			String head = new String((byte[]) payload, 0, Math.min(200, ((byte[]) payload).length),
					StandardCharsets.UTF_8);
			Matcher wall = TICK_WALL_TIME.matcher(head);
			Matcher seq = SEQ.matcher(head);
			if (!wall.find() || !seq.find()) {
				return;
			}
			long number = Long.parseLong(seq.group(1));
			boolean gap = this.lastSeq >= 0 && number != this.lastSeq + 1;
			this.lastSeq = number;
			if (!SandboxLoadBenchmark.this.measuring.get()) {
				return;
			}
			long delay = Math.max(0, Math.min(MAX_DELAY_MILLIS, arrived - Long.parseLong(wall.group(1))));
			SandboxLoadBenchmark.this.delays.incrementAndGet((int) delay);
			SandboxLoadBenchmark.this.batches.incrementAndGet();
			SandboxLoadBenchmark.this.bytes.addAndGet(((byte[]) payload).length);
			if (gap) {
				SandboxLoadBenchmark.this.gaps.incrementAndGet();
			}
		}

	}

	/** Counts messages while measuring. */
	private final class Counter implements StompFrameHandler {

		private final AtomicLong count;

		Counter(AtomicLong count) {
			this.count = count;
		}

		@Override
		public Type getPayloadType(StompHeaders headers) {
			return byte[].class;
		}

		@Override
		public void handleFrame(StompHeaders headers, Object payload) {
			if (SandboxLoadBenchmark.this.measuring.get()) {
				this.count.incrementAndGet();
			}
		}

	}

	private void report(int sandboxes, int clients, double seconds, long heapBefore, long heapWithSandboxes,
			long heapAfterRun) {
		long total = this.batches.get();
		System.out.printf(Locale.ROOT, "%nSandbox load benchmark: %d sandboxes at 1x, %d STOMP clients%s, %.1f s%n",
				sandboxes, clients, (clients > sandboxes) ? " watching one room" : ", one each", seconds);
		System.out.printf(Locale.ROOT, "batches received   %,d (%.0f/s; expected %,d/s), %.1f MB/s, %d seq gaps%n",
				total, total / seconds, clients * 20, this.bytes.get() / seconds / 1e6, this.gaps.get());
		System.out.printf(Locale.ROOT, "statistics received %,d (%.0f/s; expected %,d/s)%n", this.statistics.get(),
				this.statistics.get() / seconds, clients * 4);
		System.out.printf(Locale.ROOT, "tick-to-client delay: p50 %d ms, p99 %d ms, max %d ms (target p99 <= 100 ms)%n",
				percentile(total, 0.50), percentile(total, 0.99), percentile(total, 1.0));
		if (clients > sandboxes) {
			return; // one sandbox: its heap share would be noise
		}
		System.out.printf(Locale.ROOT,
				"heap per sandbox: %.2f MB just created, %.2f MB after the run (target <= 2 MB)%n",
				(heapWithSandboxes - heapBefore) / (double) sandboxes / 1e6,
				(heapAfterRun - heapBefore) / (double) sandboxes / 1e6);
	}

	private long percentile(long total, double fraction) {
		long rank = Math.max(1, (long) Math.ceil(total * fraction));
		long seen = 0;
		for (int millis = 0; millis <= MAX_DELAY_MILLIS; millis++) {
			seen += this.delays.get(millis);
			if (seen >= rank) {
				return millis;
			}
		}
		return MAX_DELAY_MILLIS;
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			TimeUnit.MILLISECONDS.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
