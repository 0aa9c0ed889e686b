package io.trafficlab.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

	private final DelayHistogram delays = new DelayHistogram();

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong expected = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong statistics = new AtomicLong();

	private final AtomicLong gaps = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicBoolean measuring = new AtomicBoolean();

	private final AtomicLong compressedMessages = new AtomicLong();

	private final BenchmarkServer server;

	private final int port;

	private SandboxLoadBenchmark(BenchmarkServer server) {
		this.server = server;
		this.port = server.port;
	}

	public static void main(String[] args) throws Exception {
		int sandboxes = Integer.getInteger("sandboxes", 200);
		int students = Integer.getInteger("students", 0);
		try (BenchmarkServer server = BenchmarkServer
			.start(List.of("--trafficlab.rooms.max-students=" + Math.max(200, students + 20),
					"--trafficlab.stream.compression=" + Boolean.getBoolean("compression")))) {
			new SandboxLoadBenchmark(server).run((students > 0) ? 1 : sandboxes, students);
		}
		System.exit(0);
	}

	private void run(int sandboxes, int students) throws Exception {
		int seconds = Integer.getInteger("seconds", 30);
		int warmup = Integer.getInteger("warmup", 10);
		String speed = System.getProperty("speed", "1");
		int rate = Integer.getInteger("rate", 0);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < sandboxes; i++) {
			String body = this.server.http("POST", "/api/v1/sandboxes?seed=" + i, 201);
			Matcher id = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"").matcher(body);
			id.find();
			ids.add(id.group(1));
			if (!"1".equals(speed)) {
				this.server.http("PUT", "/api/v1/sandboxes/" + id.group(1) + "/speed?factor=" + speed, 200);
			}
			if (rate > 0) {
				this.server.http("PUT", "/api/v1/sandboxes/" + id.group(1) + "/client-rate?perSecond=" + rate, 200);
			}
		}
		List<String> topics = new ArrayList<>();
		if (students > 0) {
			Matcher code = Pattern.compile("\"code\":\"([A-Z0-9]+)\"")
				.matcher(this.server.http("POST", "/api/v1/rooms?sandbox=" + ids.get(0), 201));
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
		long heapBefore = this.server.liveHeap();
		List<Client> frozen = new ArrayList<>();
		for (int i = 0; i < Integer.getInteger("frozen", 0); i++) {
			frozen.add(Client.connect(this, topics.get(0), Client.Reading.NONE));
		}
		List<Client> slow = new ArrayList<>();
		for (int i = 0; i < Integer.getInteger("slow", 0); i++) {
			slow.add(Client.connect(this, topics.get(i % topics.size()), Client.Reading.SLOW));
		}
		double load = BenchmarkServer.loadAverage();
		long cpuBefore = this.server.cpuTicks();
		BenchmarkServer.HeapSampler heap = this.server.sampleHeap();
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
		long cpu = this.server.cpuTicks() - cpuBefore;
		double loadAfter = BenchmarkServer.loadAverage();
		long heapAfter = this.server.liveHeap();
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
		System.out.printf(Locale.ROOT, "tick-to-client     p50 %d ms, p99 %d ms, max %d ms%n",
				this.delays.percentile(total, 0.50), this.delays.percentile(total, 0.99),
				this.delays.percentile(total, 1.0));
		System.out.printf(Locale.ROOT,
				"server heap        at most %.0f MB used (jstat), live %.0f MB after GC (%.0f "
						+ "before the frozen/slow clients); -Xmx1g%n",
				maxHeap / 1e6, heapAfter / 1e6, heapBefore / 1e6);
		System.out.printf(Locale.ROOT, "server CPU         %.0f %% of one core%n", cpuTicks / seconds);
		System.out.printf(Locale.ROOT, "load average       %.1f at start, %.1f at end (1 min)%n", load, loadAfter);
	}

	void received(long seq, long tickWallTime, int length, long previousSeq, long arrived) {
		if (!this.measuring.get()) {
			return;
		}
		this.delays.add(arrived - tickWallTime);
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
