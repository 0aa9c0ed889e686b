package io.trafficlab.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packaged jar in its own JVM for a load benchmark ({@code -Djar}, default the one in
 * {@code target/}), with {@code -Xmx1g} on a free loopback port, and what the benchmarks
 * read of it: its heap ({@code jstat}, {@code jcmd GC.run}), its CPU ({@code /proc}) and
 * the machine's load average.
 */
final class BenchmarkServer implements AutoCloseable {

	final int port;

	private final Process process;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final File log;

	private BenchmarkServer(int port, Process process, File log) {
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the jar with generous sandbox and creation limits and {@code settings} (more
	 * {@code --name=value} arguments, which may raise those limits), and waits until it
	 * listens.
	 */
	static BenchmarkServer start(List<String> settings) throws Exception {
		return start("server", settings);
	}

	/**
	 * The same, logging to {@code target/load-benchmark-NAME.log}, so that several
	 * servers can run side by side.
	 */
	static BenchmarkServer start(String name, List<String> settings) throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
						System.getProperty("jar", findJar()), "--server.port=" + port, "--server.address=127.0.0.1",
						"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		// a setting given twice would reach Spring as "1000,2000": the caller's wins
		for (String limit : List.of("--trafficlab.sandbox.max-live=1000", "--trafficlab.sandbox.creation-burst=1000")) {
			String key = limit.substring(0, limit.indexOf('=') + 1);
			if (settings.stream().noneMatch((setting) -> setting.startsWith(key))) {
				command.add(limit);
			}
		}
		command.addAll(settings);
		System.out.println(name + ": " + String.join(" ", command));
		File log = new File("target/load-benchmark-" + name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		// a benchmark stopped by a signal (timeout, Ctrl-C) takes its servers with it
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		BenchmarkServer server = new BenchmarkServer(port, process, log);
		server.awaitListening();
		return server;
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

	private void awaitListening() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The server stopped; see " + this.log);
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

	String origin() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * One request without a body; anything but the expected status class fails the run.
	 */
	String http(String method, String path, int status) throws Exception {
		HttpResponse<String> response = send(method, path);
		if (response.statusCode() / 100 != status / 100) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/**
	 * One request without a body, with {@code headers} (names and values in turn), from
	 * any thread.
	 */
	HttpResponse<String> send(String method, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The server's used heap now: young and old generations, from {@code jstat -gc}. */
	long usedHeap() throws Exception {
		String[] lines = command("jstat", "-gc", String.valueOf(this.process.pid())).split("\n");
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
	long liveHeap() throws Exception {
		command("jcmd", String.valueOf(this.process.pid()), "GC.run");
		return usedHeap();
	}

	/** A dump of the server's threads ({@code jcmd Thread.print}). */
	String threadDump() throws Exception {
		return command("jcmd", String.valueOf(this.process.pid()), "Thread.print");
	}

	/** Writes {@code dumps} one after the other to {@code target/NAME.txt}. */
	void writeDumps(String name, List<String> dumps) throws IOException {
		Path file = Path.of("target", name + ".txt");
		Files.writeString(file, String.join("\n\n==== next dump ====\n\n", dumps));
		System.out.println("thread dumps: " + file);
	}

	/** The server's CPU time so far, in clock ticks (1/100 s). */
	long cpuTicks() throws IOException {
		return cpuTicks(this.process.pid());
	}

	/** The CPU time so far of the process {@code pid}, in clock ticks (1/100 s). */
	static long cpuTicks(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	static double loadAverage() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

	private static String command(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	/**
	 * Starts sampling the heap every second; {@link HeapSampler#stop()} gives the most.
	 */
	HeapSampler sampleHeap() throws IOException {
		return new HeapSampler(this.process.pid());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	/**
	 * The most heap the server used while measuring, from one {@code jstat -gc} that
	 * prints every second (starting a JVM for every sample would load the machine).
	 */
	static final class HeapSampler {

		private final Process jstat;

		private final AtomicLong most = new AtomicLong();

		private HeapSampler(long pid) throws IOException {
			this.jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "1000").redirectErrorStream(true)
				.start();
			Thread reader = new Thread(() -> {
				try (var lines = new BufferedReader(
						new InputStreamReader(this.jstat.getInputStream(), StandardCharsets.UTF_8))) {
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

}
