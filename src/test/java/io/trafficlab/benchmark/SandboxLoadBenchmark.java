package io.trafficlab.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.trafficlab.stream.WebSocketWire;
import io.trafficlab.stream.WebSocketWire.Frame;

/**
 * A load benchmark of the live stream (not a unit test), with the server and the clients
 * in separate JVMs as in production: it starts the packaged jar ({@code -Djar}, default
 * the one in {@code target/}) with {@code -Xmx1g} on a free loopback port, creates the
 * sandboxes over HTTP, and connects its own WebSocket clients, written on plain sockets
 * (one thread each, no per-connection message buffer) that offer compression exactly as
 * Chromium does and inflate when the server accepts it. It reports the batches delivered
 * (from each client's {@code seq}), the delay from each tick's start
 * ({@code tickWallTime}) to the client, the server's heap ({@code jstat}, and live heap
 * after a {@code jcmd GC.run}) and its CPU ({@code /proc}), beside the load average.
 * Options ({@code -D}): {@code sandboxes} (200) with one client each, or {@code students}
 * (0) watching one room; {@code speed} (1), {@code rate} (client connections a second,
 * the preset's if 0), {@code frozen} (clients that subscribe and then stop reading; the
 * report says when the server closed each), {@code slow} (clients that read
 * {@code slowBytes} a second, so they fall behind; the report gives the live heap they
 * add each), {@code compression} (false), {@code seconds} (30), {@code warmup} (10). See
 * docs/sandbox-api.md, "Load benchmark".
 */
public final class SandboxLoadBenchmark {

	private static final Pattern TICK_WALL_TIME = Pattern.compile("\"tickWallTime\":(\\d+)");

	private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

	private static final int MAX_DELAY_MILLIS = 60_000;

	private final AtomicLongArray delays = new AtomicLongArray(MAX_DELAY_MILLIS + 1);

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong expected = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong statistics = new AtomicLong();

	private final AtomicLong gaps = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicBoolean measuring = new AtomicBoolean();

	private final AtomicLong compressedMessages = new AtomicLong();

	private final int port;

	private final Process server;

	private SandboxLoadBenchmark(int port, Process server) {
		this.port = port;
		this.server = server;
	}

	public static void main(String[] args) throws Exception {
		int sandboxes = Integer.getInteger("sandboxes", 200);
		int students = Integer.getInteger("students", 0);
		int port = freePort();
		boolean compression = Boolean.getBoolean("compression");
		Process server = startServer(port, compression, Math.max(200, students + 20));
		try {
			SandboxLoadBenchmark benchmark = new SandboxLoadBenchmark(port, server);
			benchmark.awaitServer();
			benchmark.run((students > 0) ? 1 : sandboxes, students);
		}
		finally {
			server.destroy();
			server.waitFor(10, TimeUnit.SECONDS);
		}
		System.exit(0);
	}

	private static Process startServer(int port, boolean compression, int maxStudents) throws IOException {
		String jar = System.getProperty("jar", findJar());
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
				"-jar", jar, "--server.port=" + port, "--server.address=127.0.0.1", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--trafficlab.sandbox.max-live=1000",
				"--trafficlab.sandbox.creation-burst=1000", "--trafficlab.rooms.max-students=" + maxStudents,
				"--trafficlab.stream.compression=" + compression);
		System.out.println("server: " + String.join(" ", command));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(new File("target/load-benchmark-server.log"))
			.start();
	}

	private static String findJar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.map(Path::toString)
				.filter((name) -> name.matches(".*/traffic-lab-[^/]*\\.jar") && !name.endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No target/traffic-lab-*.jar: run "
						+ "./mvnw -B -q -o -DskipTests package first, or pass -Djar=..."));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void awaitServer() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!this.server.isAlive()) {
				throw new IllegalStateException("The server stopped; see target/load-benchmark-server.log");
			}
			try (Socket probe = new Socket()) {
				probe.connect(new InetSocketAddress("127.0.0.1", this.port), 1_000);
				return;
			}
			catch (IOException ex) {
				TimeUnit.MILLISECONDS.sleep(500);
			}
		}
		throw new IllegalStateException("The server did not listen within 120 s");
	}

	private void run(int sandboxes, int students) throws Exception {
		int seconds = Integer.getInteger("seconds", 30);
		int warmup = Integer.getInteger("warmup", 10);
		String speed = System.getProperty("speed", "1");
		int rate = Integer.getInteger("rate", 0);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < sandboxes; i++) {
			String body = http("POST", "/api/v1/sandboxes?seed=" + i, 201, http);
			Matcher id = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"").matcher(body);
			id.find();
			ids.add(id.group(1));
			if (!"1".equals(speed)) {
				http("PUT", "/api/v1/sandboxes/" + id.group(1) + "/speed?factor=" + speed, 200, http);
			}
			if (rate > 0) {
				http("PUT", "/api/v1/sandboxes/" + id.group(1) + "/client-rate?perSecond=" + rate, 200, http);
			}
		}
		List<String> topics = new ArrayList<>();
		if (students > 0) {
			Matcher code = Pattern.compile("\"code\":\"([A-Z0-9]+)\"")
				.matcher(http("POST", "/api/v1/rooms?sandbox=" + ids.get(0), 201, http));
			code.find();
			for (int i = 0; i < students; i++) {
				topics.add("/topic/rooms/" + code.group(1));
			}
		}
		else {
			ids.forEach((id) -> topics.add("/topic/sandboxes/" + id));
		}
		List<Client> clients = new ArrayList<>();
		for (String topic : topics) {
			clients.add(Client.connect(this, topic, Client.Reading.ALL));
		}
		System.out.printf(Locale.ROOT, "%d sandboxes at %sx, %d clients; warming up %d s%n", ids.size(), speed,
				clients.size(), warmup);
		TimeUnit.SECONDS.sleep(warmup);
		long heapBefore = liveHeap();
		List<Client> frozen = new ArrayList<>();
		for (int i = 0; i < Integer.getInteger("frozen", 0); i++) {
			frozen.add(Client.connect(this, topics.get(0), Client.Reading.NONE));
		}
		List<Client> slow = new ArrayList<>();
		for (int i = 0; i < Integer.getInteger("slow", 0); i++) {
			slow.add(Client.connect(this, topics.get(i % topics.size()), Client.Reading.SLOW));
		}
		double load = loadAverage();
		long cpuBefore = cpuTicks();
		HeapSampler heap = new HeapSampler(this.server.pid());
		this.measuring.set(true);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < end) {
			for (Client client : frozen) {
				client.checkClosedByServer(this.port);
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		this.measuring.set(false);
		long maxHeap = heap.stop();
		double measured = (System.nanoTime() - start) / 1e9;
		long cpu = cpuTicks() - cpuBefore;
		double loadAfter = loadAverage();
		long heapAfter = liveHeap();
		clients.forEach(Client::close);
		frozen.forEach(Client::close);
		slow.forEach(Client::close);
		report(ids.size(), clients, measured, cpu, maxHeap, heapBefore, heapAfter, load, loadAfter);
		if (!frozen.isEmpty()) {
			System.out.printf(Locale.ROOT, "frozen clients closed by the server after (s): %s%n",
					frozen.stream().map(Client::closedAfter).toList());
		}
		if (!slow.isEmpty()) {
			System.out.printf(Locale.ROOT,
					"%d slow clients (reading %s B/s): live heap %.1f MB before them, %.1f MB with them behind: "
							+ "%.0f KiB per slow session%n",
					slow.size(), System.getProperty("slowBytes", "20000"), heapBefore / 1e6, heapAfter / 1e6,
					(heapAfter - heapBefore) / 1024.0 / slow.size());
		}
	}

	private String http(String method, String path, int status, HttpClient http) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != status / 100) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private void report(int sandboxes, List<Client> clients, double seconds, long cpuTicks, long maxHeap,
			long heapBefore, long heapAfter, double load, double loadAfter) {
		long total = this.batches.get();
		System.out.printf(Locale.ROOT,
				"%nStream load: %d sandboxes, %d reading clients, compression %s (%,d messages arrived compressed), "
						+ "%.1f s%n",
				sandboxes, clients.size(), Boolean.getBoolean("compression"), this.compressedMessages.get(), seconds);
		System.out.printf(Locale.ROOT,
				"delivered          %,d of %,d batches (%.2f %%; %.0f/s), %.1f MB/s, %d seq gaps, %d clients failed%n",
				total, this.expected.get(), 100.0 * total / Math.max(1, this.expected.get()), total / seconds,
				this.bytes.get() / seconds / 1e6, this.gaps.get(), this.failures.get());
		System.out.printf(Locale.ROOT,
				"published          %.1f batches a second to each client's topic (a tick is "
						+ "50 ms: 20 if the ticker keeps up)%n",
				this.expected.get() / seconds / Math.max(1, clients.size()));
		System.out.printf(Locale.ROOT, "statistics         %,d (%.0f/s)%n", this.statistics.get(),
				this.statistics.get() / seconds);
		System.out.printf(Locale.ROOT, "tick-to-client     p50 %d ms, p99 %d ms, max %d ms%n", percentile(total, 0.50),
				percentile(total, 0.99), percentile(total, 1.0));
		System.out.printf(Locale.ROOT,
				"server heap        at most %.0f MB used (jstat), live %.0f MB after GC (%.0f "
						+ "before the frozen/slow clients); -Xmx1g%n",
				maxHeap / 1e6, heapAfter / 1e6, heapBefore / 1e6);
		System.out.printf(Locale.ROOT, "server CPU         %.0f %% of one core%n", cpuTicks / seconds);
		System.out.printf(Locale.ROOT, "load average       %.1f at start, %.1f at end (1 min)%n", load, loadAfter);
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

	/** The server's used heap now: young and old generations, from {@code jstat -gc}. */
	private long usedHeap() throws Exception {
		String[] lines = command("jstat", "-gc", String.valueOf(this.server.pid())).split("\n");
		return usedHeap(lines[0], lines[1]);
	}

	private static long usedHeap(String header, String line) {
		List<String> names = Arrays.asList(header.trim().split("\\s+"));
		String[] values = line.trim().split("\\s+");
		double kilobytes = 0;
		for (String column : List.of("S0U", "S1U", "EU", "OU")) {
			kilobytes += Double.parseDouble(values[names.indexOf(column)]);
		}
		return (long) (kilobytes * 1024);
	}

	/** The server's heap after a full collection: what is live. */
	private long liveHeap() throws Exception {
		command("jcmd", String.valueOf(this.server.pid()), "GC.run");
		return usedHeap();
	}

	/** The server's CPU time so far, in clock ticks (1/100 s). */
	private long cpuTicks() throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(this.server.pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static double loadAverage() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

	private static String command(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	/**
	 * The most heap the server used while measuring, from one {@code jstat -gc} that
	 * prints every second (starting a JVM for every sample would load the machine).
	 */
	private static final class HeapSampler {

		private final Process jstat;

		private final AtomicLong most = new AtomicLong();

		HeapSampler(long pid) throws IOException {
			this.jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "1000").redirectErrorStream(true)
				.start();
			Thread reader = new Thread(() -> {
				try (var lines = new java.io.BufferedReader(
						new java.io.InputStreamReader(this.jstat.getInputStream(), StandardCharsets.UTF_8))) {
					String header = lines.readLine();
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						if (!line.trim().startsWith("S0C")) {
							this.most.accumulateAndGet(usedHeap(header, line), Math::max);
						}
					}
				}
				catch (IOException | RuntimeException ex) {
					// jstat ended
				}
			}, "jstat");
			reader.setDaemon(true);
			reader.start();
		}

		long stop() {
			this.jstat.destroy();
			return this.most.get();
		}

	}

	void received(long seq, long tickWallTime, int length, long previousSeq, long arrived) {
		if (!this.measuring.get()) {
			return;
		}
		long delay = Math.max(0, Math.min(MAX_DELAY_MILLIS, arrived - tickWallTime));
		this.delays.incrementAndGet((int) delay);
		this.batches.incrementAndGet();
		this.bytes.addAndGet(length);
		this.expected.addAndGet((previousSeq < 0) ? 1 : Math.max(1, seq - previousSeq));
		if (previousSeq >= 0 && seq != previousSeq + 1) {
			this.gaps.incrementAndGet();
		}
	}

	/**
	 * One browser's WebSocket on a plain socket: Chromium's handshake, STOMP in masked
	 * text frames, the events and statistics of one topic prefix.
	 */
	private static final class Client implements Runnable {

		enum Reading {

			ALL, SLOW, NONE

		}

		private final SandboxLoadBenchmark benchmark;

		private final Socket socket;

		private final DataInputStream in;

		private final OutputStream out;

		private final Reading reading;

		private final Inflater inflater;

		private final boolean resetInflater;

		private final long connectedAt = System.nanoTime();

		private volatile double closedAfter = -1;

		private long lastSeq = -1;

		private Client(SandboxLoadBenchmark benchmark, Socket socket, String handshake, Reading reading)
				throws IOException {
			this.benchmark = benchmark;
			this.socket = socket;
			this.in = new DataInputStream(socket.getInputStream());
			this.out = socket.getOutputStream();
			this.reading = reading;
			String extensions = handshake.toLowerCase(Locale.ROOT);
			this.inflater = extensions.contains("permessage-deflate") ? new Inflater(true) : null;
			this.resetInflater = extensions.contains("server_no_context_takeover");
		}

		static Client connect(SandboxLoadBenchmark benchmark, String topics, Reading reading) throws IOException {
			Socket socket = new Socket();
			if (reading != Reading.ALL) {
				socket.setReceiveBufferSize(4096);
			}
			socket.connect(new InetSocketAddress("127.0.0.1", benchmark.port), 5_000);
			socket.setSoTimeout(60_000);
			String response = WebSocketWire.upgrade(socket, benchmark.port);
			Client client = new Client(benchmark, socket, response, reading);
			client.send("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0");
			String connected = new String(client.receive(), StandardCharsets.UTF_8);
			if (!connected.startsWith("CONNECTED")) {
				throw new IOException("Expected CONNECTED, got " + connected);
			}
			client.send("SUBSCRIBE\nid:0\ndestination:" + topics + "/events\n\n\0");
			client.send("SUBSCRIBE\nid:1\ndestination:" + topics + "/stats\n\n\0");
			if (reading != Reading.NONE) {
				Thread thread = new Thread(null, client, "client", 256 * 1024);
				thread.setDaemon(true);
				thread.start();
			}
			return client;
		}

		@Override
		public void run() {
			try {
				while (true) {
					byte[] frame = receive();
					long arrived = System.currentTimeMillis();
					// only the STOMP headers and the start of the body are read: decoding
					// whole batches would load the machine the server runs on
					String head = new String(frame, 0, Math.min(frame.length, 600), StandardCharsets.UTF_8);
					if (head.startsWith("MESSAGE\n") && head.contains("\nsubscription:0")) {
						batch(head, frame.length, arrived);
					}
					else if (head.startsWith("MESSAGE\n") && this.benchmark.measuring.get()) {
						this.benchmark.statistics.incrementAndGet();
					}
				}
			}
			catch (IOException ex) {
				if (this.benchmark.measuring.get() && !this.socket.isClosed()) {
					this.benchmark.failures.incrementAndGet();
					System.err.println("A client failed: " + ex);
				}
			}
		}

		private void batch(String frame, int length, long arrived) {
			int body = Math.max(0, frame.indexOf("\n\n"));
			String head = frame.substring(body);
			Matcher wall = TICK_WALL_TIME.matcher(head);
			Matcher seq = SEQ.matcher(head);
			if (!wall.find() || !seq.find()) {
				return;
			}
			long number = Long.parseLong(seq.group(1));
			if (this.reading == Reading.ALL) {
				this.benchmark.received(number, Long.parseLong(wall.group(1)), length, this.lastSeq, arrived);
			}
			this.lastSeq = number;
		}

		void send(String text) throws IOException {
			byte[] frame = WebSocketWire.maskedText(text);
			synchronized (this.out) {
				this.out.write(frame);
				this.out.flush();
			}
		}

		/** Reads the next text message, joining fragments and inflating if negotiated. */
		byte[] receive() throws IOException {
			ByteArrayOutputStream message = new ByteArrayOutputStream();
			boolean compressed = false;
			while (true) {
				Frame frame = WebSocketWire.readFrame(this.in, this::readSlowly);
				if (frame.isClose()) {
					throw new IOException("The server closed the connection");
				}
				if (frame.isData()) {
					compressed |= (frame.opcode() == 0x1) && frame.isCompressed();
					if (compressed && frame.isFinal()) {
						this.benchmark.compressedMessages.incrementAndGet();
					}
					message.write(frame.payload());
					if (frame.isFinal()) {
						return compressed ? inflate(message.toByteArray()) : message.toByteArray();
					}
				}
			}
		}

		private void readSlowly(byte[] payload) throws IOException {
			if (this.reading != Reading.SLOW) {
				this.in.readFully(payload);
				return;
			}
			int perSecond = Integer.getInteger("slowBytes", 20_000);
			int chunk = Math.max(1, perSecond / 10);
			for (int offset = 0; offset < payload.length; offset += chunk) {
				this.in.readFully(payload, offset, Math.min(chunk, payload.length - offset));
				try {
					TimeUnit.MILLISECONDS.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
		}

		private byte[] inflate(byte[] compressed) throws IOException {
			if (this.inflater == null) {
				throw new IOException("A compressed message arrived, though compression was not negotiated");
			}
			if (this.resetInflater) {
				this.inflater.reset();
			}
			byte[] input = Arrays.copyOf(compressed, compressed.length + 4);
			input[compressed.length + 2] = (byte) 0xFF;
			input[compressed.length + 3] = (byte) 0xFF;
			this.inflater.setInput(input);
			ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
			byte[] buffer = new byte[16 * 1024];
			try {
				while (!this.inflater.needsInput()) {
					int n = this.inflater.inflate(buffer);
					if (n == 0) {
						break;
					}
					out.write(buffer, 0, n);
				}
			}
			catch (DataFormatException ex) {
				throw new IOException(ex);
			}
			return out.toByteArray();
		}

		/**
		 * Notes when the server side of this (frozen) connection left ESTABLISHED: the
		 * server closed it, though the client never read the close.
		 */
		void checkClosedByServer(int serverPort) throws IOException {
			if (this.closedAfter >= 0) {
				return;
			}
			String local = String.format(Locale.ROOT, ":%04X ", serverPort);
			String remote = String.format(Locale.ROOT, ":%04X ", this.socket.getLocalPort());
			for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] fields = line.trim().split("\\s+");
					if (fields.length > 3 && (fields[1] + " ").endsWith(local) && (fields[2] + " ").endsWith(remote)) {
						if ("01".equals(fields[3])) {
							return;
						}
					}
				}
			}
			this.closedAfter = (System.nanoTime() - this.connectedAt) / 1e9;
		}

		String closedAfter() {
			return (this.closedAfter < 0) ? "open" : String.format(Locale.ROOT, "%.1f", this.closedAfter);
		}

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
