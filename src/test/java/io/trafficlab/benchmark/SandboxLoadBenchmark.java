package io.trafficlab.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load benchmark of the live stream (not a unit test), with the server and the clients
 * in separate JVMs as in production: it starts the packaged jar ({@code -Djar}, default
 * the one in {@code target/}) with {@code -Xmx1g} on a free loopback port, creates the
 * sandboxes over HTTP, and connects its own WebSocket clients ({@link StreamClient}, on
 * plain sockets, one thread each, no per-connection message buffer) that offer
 * compression exactly as Chromium does and inflate when the server accepts it. It reports
 * the batches delivered (from each client's {@code seq}), the delay from each tick's
 * start ({@code tickWallTime}) to the client, the server's heap ({@code jstat}, and live
 * heap after a {@code jcmd GC.run}) and its CPU ({@code /proc}), beside the load average.
 * Options ({@code -D}): {@code sandboxes} (200) with one client each, or {@code students}
 * (0) watching one room; {@code speed} (1), {@code rate} (client connections a second,
 * the preset's if 0), {@code frozen} (clients that subscribe and then stop reading; the
 * report says when the server closed each), {@code slow} (clients that read
 * {@code slowBytes} a second, so they fall behind; the report gives the live heap they
 * add each), {@code compression} (false), {@code readers} (2: the threads that read the
 * clients that read everything, {@link SharedReaders}; 0: a thread each), {@code seconds}
 * (30), {@code warmup} (10). {@code answers=true} runs {@link ClassAnswersBenchmark}
 * instead: the students answer a prediction together. {@code instances=N} runs
 * {@link RoomOverInstancesBenchmark} instead: one room's students spread over N instances
 * sharing a broker. See docs/sandbox-api.md, "Load benchmark".
 */
public final class SandboxLoadBenchmark {

	private final StreamMeter meter = new StreamMeter();

	private final StreamTally tally = new StreamTally();

	private final BenchmarkServer server;

	private final int port;

	private SandboxLoadBenchmark(BenchmarkServer server) {
		this.server = server;
		this.port = server.port;
	}

	public static void main(String[] args) throws Exception {
		if (Boolean.getBoolean("answers")) {
			ClassAnswersBenchmark.main(args);
			return;
		}
		if (System.getProperty("instances") != null) {
			RoomOverInstancesBenchmark.main(Integer.getInteger("instances", 2));
			System.exit(0);
		}
		int sandboxes = Integer.getInteger("sandboxes", 200);
		int students = Integer.getInteger("students", 0);
		// the cap on live sandboxes is raised past the run's own count, so any count can
		// be measured
		int cap = Math.max(1000, sandboxes);
		try (BenchmarkServer server = BenchmarkServer
			.start(List.of("--trafficlab.rooms.max-students=" + Math.max(200, students + 20),
					"--trafficlab.stream.compression=" + Boolean.getBoolean("compression"),
					"--trafficlab.sandbox.max-live=" + cap, "--trafficlab.sandbox.creation-burst=" + cap))) {
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
		List<StreamClient> clients = new ArrayList<>();
		for (String topic : topics) {
			clients.add(StreamClient.connect(this.port, this.meter, topic, StreamClient.Reading.everything()));
		}
		System.out.printf(Locale.ROOT, "%d sandboxes at %sx, %d clients read by %s; warming up %d s%n", ids.size(),
				speed, clients.size(), StreamClient.Reading.described(), warmup);
		TimeUnit.SECONDS.sleep(warmup);
		long heapBefore = this.server.liveHeap();
		List<StreamClient> frozen = new ArrayList<>();
		for (int i = 0; i < Integer.getInteger("frozen", 0); i++) {
			frozen.add(StreamClient.connect(this.port, this.meter, topics.get(0), StreamClient.Reading.NONE));
		}
		List<StreamClient> slow = new ArrayList<>();
		for (int i = 0; i < Integer.getInteger("slow", 0); i++) {
			slow.add(StreamClient.connect(this.port, this.meter, topics.get(i % topics.size()),
					StreamClient.Reading.SLOW));
		}
		double load = BenchmarkServer.loadAverage();
		long cpuBefore = this.server.cpuTicks();
		BenchmarkServer.HeapSampler heap = this.server.sampleHeap();
		this.meter.measure(this.tally);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < end) {
			for (StreamClient client : frozen) {
				client.checkClosedByServer(this.port);
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		this.meter.pause();
		long maxHeap = heap.stop();
		double measured = (System.nanoTime() - start) / 1e9;
		long cpu = this.server.cpuTicks() - cpuBefore;
		double loadAfter = BenchmarkServer.loadAverage();
		long heapAfter = this.server.liveHeap();
		clients.forEach(StreamClient::close);
		frozen.forEach(StreamClient::close);
		slow.forEach(StreamClient::close);
		report(ids.size(), clients, measured, cpu, maxHeap, heapBefore, heapAfter, load, loadAfter);
		if (!frozen.isEmpty()) {
			System.out.printf(Locale.ROOT, "frozen clients closed by the server after (s): %s%n",
					frozen.stream().map(StreamClient::closedAfter).toList());
		}
		if (!slow.isEmpty()) {
			System.out.printf(Locale.ROOT,
					"%d slow clients (reading %s B/s): live heap %.1f MB before them, %.1f MB with them behind: "
							+ "%.0f KiB per slow session%n",
					slow.size(), System.getProperty("slowBytes", "20000"), heapBefore / 1e6, heapAfter / 1e6,
					(heapAfter - heapBefore) / 1024.0 / slow.size());
		}
	}

	private void report(int sandboxes, List<StreamClient> clients, double seconds, long cpuTicks, long maxHeap,
			long heapBefore, long heapAfter, double load, double loadAfter) {
		long total = this.tally.batches();
		System.out.printf(Locale.ROOT,
				"%nStream load: %d sandboxes, %d reading clients, compression %s (%,d messages arrived compressed), "
						+ "%.1f s%n",
				sandboxes, clients.size(), Boolean.getBoolean("compression"), this.meter.compressedMessages(), seconds);
		System.out.printf(Locale.ROOT,
				"delivered          %,d of %,d batches (%.2f %%; %.0f/s), %.1f MB/s, %d seq gaps, %d clients failed%n",
				total, this.tally.expected(), 100.0 * total / Math.max(1, this.tally.expected()), total / seconds,
				this.tally.bytes() / seconds / 1e6, this.tally.gaps(), this.meter.failures());
		System.out.printf(Locale.ROOT,
				"published          %.1f batches a second to each client's topic (a tick is "
						+ "50 ms: 20 if the ticker keeps up)%n",
				this.tally.expected() / seconds / Math.max(1, clients.size()));
		System.out.printf(Locale.ROOT, "statistics         %,d (%.0f/s)%n", this.tally.statisticsCount(),
				this.tally.statisticsCount() / seconds);
		System.out.printf(Locale.ROOT, "tick-to-client     %s%n", this.tally.delaySummary());
		System.out.printf(Locale.ROOT,
				"server heap        at most %.0f MB used (jstat), live %.0f MB after GC (%.0f "
						+ "before the frozen/slow clients); -Xmx1g%n",
				maxHeap / 1e6, heapAfter / 1e6, heapBefore / 1e6);
		System.out.printf(Locale.ROOT, "server CPU         %.0f %% of one core%n", cpuTicks / seconds);
		System.out.printf(Locale.ROOT, "load average       %.1f at start, %.1f at end (1 min)%n", load, loadAfter);
	}

}
