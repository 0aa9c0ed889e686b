package io.trafficlab.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One room watched by many students spread over several instances of the packaged jar
 * that share a STOMP broker (RabbitMQ), run as {@code SandboxLoadBenchmark
 * -Dinstances=N}: the teacher's sandbox and room on the first instance (id {@code A}),
 * the students dealt in turn to {@code A}, {@code B}, ..., each connecting straight to
 * its instance's port as a room watcher's browser does ({@code /ws?room=CODE}, the room's
 * events and statistics). The other instances accept the room once the owner's report has
 * reached them (the instances share the broker: each has one connection to it, and the
 * owner sends each of the room's messages once; {@code RoomsOverBroker}); the benchmark
 * waits for that and reports how long it took. It reports what
 * {@link SandboxLoadBenchmark} reports for a room, per instance and in all, and the
 * broker's CPU (the process listening on the relay's port, when it is on this machine).
 * With {@code -Dinstances=1} the same students watch one instance with its simple broker,
 * for comparison.
 * <p>
 * Options ({@code -D}): {@code instances} (2), {@code students} (1000), {@code relay}
 * (the broker's STOMP {@code host:port}, needed with more than one instance),
 * {@code relay.login}, {@code relay.passcode} (guest), {@code compression} (false: the
 * server's default; the clients offer it as Chromium does either way), {@code frozen} (0:
 * students who join after the warm-up and never read, dealt over the instances, counted
 * apart; the report says when each was closed), {@code readers} (2: the threads that read
 * every student's connection, {@link SharedReaders}; 0: a thread per student),
 * {@code seconds} (30), {@code warmup} (10).
 */
final class RoomOverInstancesBenchmark {

	/** The instance ids given in turn: the room-code alphabet's first symbols. */
	private static final String IDS = "ABCDEFGH";

	private static final long ROOM_WAIT_MILLIS = 5_000;

	/**
	 * Students connect this many at a time, as a class joining together would.
	 */
	private static final int JOINING_THREADS = 8;

	private final List<Instance> instances;

	private final Relay relay;

	private final StreamTally all = new StreamTally();

	private RoomOverInstancesBenchmark(List<Instance> instances, Relay relay) {
		this.instances = instances;
		this.relay = relay;
	}

	static void main(int count) throws Exception {
		if (count < 1 || count > IDS.length()) {
			throw new IllegalArgumentException("-Dinstances must be between 1 and " + IDS.length());
		}
		int students = Integer.getInteger("students", 1000);
		Relay relay = (count > 1) ? Relay.fromSystemProperties() : null;
		List<String> settings = new ArrayList<>(List.of("--trafficlab.rooms.max-students=" + (students + 20),
				"--trafficlab.stream.compression=" + Boolean.getBoolean("compression")));
		if (relay != null) {
			settings.addAll(relay.settings());
		}
		List<Instance> instances = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				String id = IDS.substring(i, i + 1);
				List<String> own = new ArrayList<>(settings);
				if (relay != null) {
					own.add("--trafficlab.instance.id=" + id);
				}
				instances.add(new Instance(id, BenchmarkServer.start("instance-" + id, own)));
			}
			new RoomOverInstancesBenchmark(instances, relay).run(students);
		}
		finally {
			for (Instance instance : instances) {
				instance.server.close();
			}
		}
	}

	private void run(int students) throws Exception {
		int seconds = Integer.getInteger("seconds", 30);
		int warmup = Integer.getInteger("warmup", 10);
		BenchmarkServer owner = this.instances.get(0).server;
		String sandbox = find("\"id\":\"([A-Za-z0-9_-]+)\"", owner.http("POST", "/api/v1/sandboxes?seed=0", 201));
		String code = find("\"code\":\"([A-Za-z0-9]+)\"", owner.http("POST", "/api/v1/rooms?sandbox=" + sandbox, 201));
		long opened = System.nanoTime();
		String path = "/ws?room=" + code;
		String topics = "/topic/rooms/" + code;
		for (Instance instance : this.instances.subList(1, this.instances.size())) {
			instance.acceptedAfterMillis = awaitRoom(instance.server.port, path, topics + "/events", opened);
		}
		long connecting = System.nanoTime();
		ExecutorService joining = Executors.newFixedThreadPool(JOINING_THREADS);
		List<Future<StreamClient>> joined = new ArrayList<>();
		for (int i = 0; i < students; i++) {
			Instance instance = this.instances.get(i % this.instances.size());
			joined.add(joining.submit(() -> instance.join(path, topics)));
		}
		try {
			for (Future<StreamClient> student : joined) {
				student.get();
			}
		}
		finally {
			// a refused student ends the run: the pool's threads must not keep it alive
			joining.shutdownNow();
		}
		System.out.printf(Locale.ROOT,
				"room %s on %s, %d students over %d instance(s) connected in %.1f s; warming up %d s%n", code,
				this.instances.get(0).id, students, this.instances.size(), (System.nanoTime() - connecting) / 1e9,
				warmup);
		TimeUnit.SECONDS.sleep(warmup);
		// Students whose laptops stop reading (a lid closed): dealt over the instances
		// like the others, never
		// read, counted apart; the report says when each instance closed them
		List<StreamClient> frozen = new ArrayList<>();
		List<Integer> frozenPorts = new ArrayList<>();
		for (int i = 0; i < Integer.getInteger("frozen", 0); i++) {
			int port = this.instances.get(i % this.instances.size()).server.port;
			frozen.add(StreamClient.connect(port, path, new StreamMeter(), null, StreamClient.Reading.NONE,
					List.of(topics + "/events", topics + "/stats")));
			frozenPorts.add(port);
		}
		Optional<Long> broker = (this.relay != null) ? this.relay.localProcess() : Optional.empty();
		double load = BenchmarkServer.loadAverage();
		long brokerBefore = broker.isPresent() ? BenchmarkServer.cpuTicks(broker.get()) : 0;
		for (Instance instance : this.instances) {
			instance.startMeasuring(this.all);
		}
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < end) {
			for (int i = 0; i < frozen.size(); i++) {
				frozen.get(i).checkClosedByServer(frozenPorts.get(i));
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		for (Instance instance : this.instances) {
			instance.stopMeasuring();
		}
		double measured = (System.nanoTime() - start) / 1e9;
		long brokerTicks = broker.isPresent() ? BenchmarkServer.cpuTicks(broker.get()) - brokerBefore : 0;
		double loadAfter = BenchmarkServer.loadAverage();
		for (Instance instance : this.instances) {
			instance.finish();
		}
		report(students, measured, load, loadAfter);
		if (!frozen.isEmpty()) {
			System.out.printf(Locale.ROOT,
					"frozen students    %d more (not in the figures above), closed by their "
							+ "instance after (s): %s%n",
					frozen.size(), frozen.stream().map(StreamClient::closedAfter).toList());
			frozen.forEach(StreamClient::close);
		}
		if (broker.isPresent()) {
			System.out.printf(Locale.ROOT, "broker CPU         %.0f %% of one core (%s, pid %d)%n",
					brokerTicks / measured, ListeningProcess.name(broker.get()), broker.get());
		}
		else if (this.relay != null) {
			System.out.println("broker CPU         not measured: no process of this user listens on " + this.relay);
		}
	}

	/**
	 * Subscribes to the room on another instance until it accepts (a batch arrives rather
	 * than an {@code ERROR}): the owner's report reaches it within about a second. Every
	 * refusal counts as one wrong code against the loopback address
	 * ({@code trafficlab.rooms.join-burst}, 30), so it tries five times a second for at
	 * most five seconds.
	 */
	private static long awaitRoom(int port, String path, String events, long opened) throws Exception {
		while (true) {
			StreamClient probe = StreamClient.connect(port, path, new StreamMeter(), null, StreamClient.Reading.NONE,
					List.of(events));
			try {
				if (new String(probe.receive(), StandardCharsets.UTF_8).startsWith("MESSAGE")) {
					return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
				}
			}
			catch (IOException ex) {
				// refused and closed: try again
			}
			finally {
				probe.close();
			}
			if (System.nanoTime() - opened > TimeUnit.MILLISECONDS.toNanos(ROOM_WAIT_MILLIS)) {
				throw new IllegalStateException("The instance on port " + port + " did not accept the room within "
						+ ROOM_WAIT_MILLIS + " ms of its opening");
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
	}

	private static String find(String regex, String body) {
		Matcher matcher = Pattern.compile(regex).matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + regex + " in " + body);
		}
		return matcher.group(1);
	}

	private void report(int students, double seconds, double load, double loadAfter) {
		long compressed = this.instances.stream().mapToLong((instance) -> instance.meter.compressedMessages()).sum();
		long failed = this.instances.stream().mapToLong((instance) -> instance.meter.failures()).sum();
		System.out.printf(Locale.ROOT,
				"%nOne room, %d students over %d instance(s) (%s), compression %s "
						+ "(%,d messages arrived compressed), %.1f s, read by %s%n",
				students, this.instances.size(), (this.relay != null) ? "relay to " + this.relay : "simple broker",
				Boolean.getBoolean("compression"), compressed, seconds, StreamClient.Reading.described());
		System.out.printf(Locale.ROOT, "all                %s, %d clients failed%n", delivered(this.all, seconds),
				failed);
		System.out.printf(Locale.ROOT, "                   published %.1f batches a second to each student%n",
				this.all.expected() / seconds / Math.max(1, students));
		System.out.printf(Locale.ROOT, "                   tick-to-client %s%n", this.all.delaySummary());
		for (Instance instance : this.instances) {
			System.out.printf(Locale.ROOT, "instance %s%s%n", instance.id,
					(instance.acceptedAfterMillis < 0) ? " (owner)" : String.format(Locale.ROOT,
							" (accepted the room %d ms after it opened)", instance.acceptedAfterMillis));
			System.out.printf(Locale.ROOT, "  %d students     %s; tick-to-client %s%n", instance.clients.size(),
					delivered(instance.tally, seconds), instance.tally.delaySummary());
			System.out.printf(Locale.ROOT, "  CPU              %.0f %% of one core%n", instance.cpuTicks / seconds);
			System.out.printf(Locale.ROOT,
					"  heap             at most %.0f MB used (jstat), live %.0f MB after GC; " + "-Xmx1g%n",
					instance.maxHeap / 1e6, instance.liveHeap / 1e6);
		}
		System.out.printf(Locale.ROOT, "load average       %.1f at start, %.1f at end (1 min)%n", load, loadAfter);
	}

	private static String delivered(StreamTally tally, double seconds) {
		return String.format(Locale.ROOT, "delivered %,d of %,d batches (%.2f %%), %.1f MB/s, %d seq gaps",
				tally.batches(), tally.expected(), tally.deliveredPercent(), tally.bytes() / seconds / 1e6,
				tally.gaps());
	}

	/** One instance, its students and what was measured of it. */
	private static final class Instance {

		final String id;

		final BenchmarkServer server;

		final StreamMeter meter = new StreamMeter();

		final StreamTally tally = new StreamTally();

		final List<StreamClient> clients = new CopyOnWriteArrayList<>();

		long acceptedAfterMillis = -1;

		private long cpuBefore;

		private BenchmarkServer.HeapSampler heap;

		long cpuTicks;

		long maxHeap;

		long liveHeap;

		Instance(String id, BenchmarkServer server) {
			this.id = id;
			this.server = server;
		}

		StreamClient join(String path, String topics) throws IOException {
			StreamClient client = StreamClient.connect(this.server.port, path, this.meter, null,
					StreamClient.Reading.everything(), List.of(topics + "/events", topics + "/stats"));
			this.clients.add(client);
			return client;
		}

		void startMeasuring(StreamTally all) throws IOException {
			this.cpuBefore = this.server.cpuTicks();
			this.heap = this.server.sampleHeap();
			this.meter.measure(this.tally, all);
		}

		void stopMeasuring() throws IOException {
			this.meter.pause();
			this.cpuTicks = this.server.cpuTicks() - this.cpuBefore;
			this.maxHeap = this.heap.stop();
		}

		void finish() throws Exception {
			this.liveHeap = this.server.liveHeap();
			this.clients.forEach(StreamClient::close);
		}

	}

	/** The broker every instance relays to: {@code -Drelay=host:port}. */
	private record Relay(String host, int port, String login, String passcode) {

		static Relay fromSystemProperties() {
			String address = System.getProperty("relay");
			if (address == null || !address.matches("[^:]+:\\d+")) {
				throw new IllegalArgumentException("Several instances need a STOMP broker: -Drelay=host:port "
						+ "(-Drelay.login, -Drelay.passcode); .ci/rabbitmq start prints one");
			}
			int colon = address.lastIndexOf(':');
			return new Relay(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
					System.getProperty("relay.login", "guest"), System.getProperty("relay.passcode", "guest"));
		}

		List<String> settings() {
			return List.of("--trafficlab.stream.relay.enabled=true", "--trafficlab.stream.relay.host=" + this.host,
					"--trafficlab.stream.relay.port=" + this.port, "--trafficlab.stream.relay.login=" + this.login,
					"--trafficlab.stream.relay.passcode=" + this.passcode);
		}

		/** The broker's process, when it listens on this machine's loopback. */
		Optional<Long> localProcess() throws IOException {
			boolean local = "127.0.0.1".equals(this.host) || "localhost".equals(this.host);
			return local ? ListeningProcess.on(this.port) : Optional.empty();
		}

		@Override
		public String toString() {
			return this.host + ":" + this.port;
		}

	}

}
