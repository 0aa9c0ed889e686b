package io.trafficlab.benchmark;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class answering a prediction together (not a unit test): the packaged jar as
 * {@link SandboxLoadBenchmark} starts it, a room opened on a lesson step,
 * {@code students} (200) joined by the API, each watching the room's stream on its own
 * WebSocket, and one teacher's connection on the room's class topic. After the warm-up,
 * every student answers question 1 within one second ({@code spread} ms, from
 * {@code threads} threads), {@code rounds} times, each round changing every answer to the
 * next choice (answers may change until the reveal). It reports how long after the last
 * answer's HTTP response the teacher's class message showed every answer, the answers'
 * HTTP latency, the room stream's tick-to-client delay and delivery while answering (and
 * in as long a quiet window before, for comparison), and the server's CPU and heap. Other
 * options ({@code -D}): {@code studentsOnClass} (false: true subscribes every student to
 * the class topic too, as a student's page may), {@code lesson} (uneven-distribution),
 * {@code step} (2), {@code warmup} (10), {@code after} (5 s measured after each answering
 * second), {@code dumps} (false: thread dumps of the server during each answering second,
 * in {@code target/}). See docs/sandbox-api.md, "Load benchmark".
 */
public final class ClassAnswersBenchmark {

	private static final int QUESTION = 1;

	private static final Pattern QUESTION_JSON = Pattern.compile("\\{\"question\":" + QUESTION + ",[^}]*}");

	private final BenchmarkServer server;

	private final StreamMeter meter = new StreamMeter();

	private final ClassWatcher teacher = new ClassWatcher();

	private final int students = Integer.getInteger("students", 200);

	private final String lesson = System.getProperty("lesson", "uneven-distribution");

	private final int step = Integer.getInteger("step", 2);

	private final int rounds = Integer.getInteger("rounds", 5);

	private final int threads = Integer.getInteger("threads", 8);

	private final int spreadMillis = Integer.getInteger("spread", 1000);

	private final int afterSeconds = Integer.getInteger("after", 5);

	private final boolean studentsOnClassTopic = Boolean.getBoolean("studentsOnClass");

	private ClassAnswersBenchmark(BenchmarkServer server) {
		this.server = server;
	}

	public static void main(String[] args) throws Exception {
		int students = Integer.getInteger("students", 200);
		try (BenchmarkServer server = BenchmarkServer
			.start(List.of("--trafficlab.rooms.max-students=" + Math.max(200, students + 20),
					"--trafficlab.stream.compression=" + Boolean.getBoolean("compression")))) {
			new ClassAnswersBenchmark(server).run();
		}
		System.exit(0);
	}

	private void run() throws Exception {
		String room = this.server.http("POST", "/api/v1/rooms?lesson=" + this.lesson + "&step=" + this.step, 201);
		String code = field(room, "code");
		String secret = field(room, "teacherSecret");
		int choices = Integer.parseInt(field(question(this.server.http("GET", classPath(code), 200)), "choices"));
		List<String> tokens = joinStudents(code);
		List<StreamClient> clients = connect(code);
		int warmup = Integer.getInteger("warmup", 10);
		System.out.printf(Locale.ROOT,
				"room %s on %s step %d (question %d has %d choices), %d students joined and watching (%s), a "
						+ "teacher on the class topic; warming up %d s%n",
				code, this.lesson, this.step, QUESTION, choices, this.students,
				this.studentsOnClassTopic ? "events, stats and class" : "events and stats", warmup);
		TimeUnit.SECONDS.sleep(warmup);

		double load = BenchmarkServer.loadAverage();
		Window quiet = new Window();
		quiet.measure(1 + this.afterSeconds);
		TimeUnit.SECONDS.sleep(1);

		Window answering = new Window();
		List<Round> done = new ArrayList<>();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		BenchmarkServer.HeapSampler heap = this.server.sampleHeap();
		ScheduledExecutorService senders = Executors.newScheduledThreadPool(this.threads);
		for (int r = 0; r < this.rounds; r++) {
			int choice = (r % choices) + 1;
			Round round = new Round(r + 1, choice);
			CompletableFuture<Long> shown = this.teacher.await(this.students, choice);
			answering.start();
			answer(code, tokens, choice, senders, round, latencies);
			long shownAt;
			try {
				shownAt = shown.get(10, TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				shownAt = -1;
			}
			round.classShown(shownAt, this.teacher.messagesSince(round.started));
			long end = Math.max(round.started + TimeUnit.MILLISECONDS.toNanos(this.spreadMillis), round.lastResponse())
					+ TimeUnit.SECONDS.toNanos(this.afterSeconds);
			TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
			answering.stop();
			done.add(round);
			System.out.println(round);
			if (shownAt < 0) {
				System.out.println("  the class topic never showed it; GET /class says: "
						+ question(this.server.http("GET", classPath(code), 200)));
			}
			TimeUnit.SECONDS.sleep(2);
		}
		senders.shutdown();
		long maxHeap = heap.stop();
		double loadAfter = BenchmarkServer.loadAverage();
		long liveHeap = this.server.liveHeap();
		clients.forEach(StreamClient::close);
		int ended = this.server.send("DELETE", "/api/v1/rooms/" + code, "X-Teacher-Secret", secret).statusCode();
		report(done, latencies, quiet, answering, maxHeap, liveHeap, load, loadAfter);
		System.out.printf(Locale.ROOT, "the teacher ended the room: %d%n", ended);
	}

	/** Every student joins by the API; their tokens, in order. */
	private List<String> joinStudents(String code) throws Exception {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < this.students; i++) {
			String name = URLEncoder.encode("Student " + (i + 1), StandardCharsets.UTF_8);
			String joined = this.server.http("POST", "/api/v1/rooms/" + code + "/students?name=" + name, 201);
			tokens.add(field(joined, "token"));
		}
		return tokens;
	}

	/**
	 * Each student's connection to the room's stream, then the teacher's to the class.
	 */
	private List<StreamClient> connect(String code) throws Exception {
		String topics = "/topic/rooms/" + code;
		List<String> watched = this.studentsOnClassTopic
				? List.of(topics + "/events", topics + "/stats", topics + "/class")
				: List.of(topics + "/events", topics + "/stats");
		List<StreamClient> clients = new ArrayList<>();
		for (int i = 0; i < this.students; i++) {
			clients.add(StreamClient.connect(this.server.port, this.meter, null, StreamClient.Reading.ALL, watched));
		}
		clients.add(StreamClient.connect(this.server.port, this.meter, this.teacher, StreamClient.Reading.ALL,
				List.of(topics + "/class")));
		return clients;
	}

	private void answer(String code, List<String> tokens, int choice, ScheduledExecutorService senders, Round round,
			ConcurrentLinkedQueue<Long> latencies) throws Exception {
		String path = "/api/v1/rooms/" + code + "/answers?step=" + this.step + "&question=" + QUESTION + "&choice="
				+ choice;
		List<Future<?>> sent = new ArrayList<>();
		List<String> dumps = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			long at = round.started + TimeUnit.MILLISECONDS.toNanos((long) this.spreadMillis * i / tokens.size());
			sent.add(senders.schedule(() -> {
				long before = System.nanoTime();
				HttpResponse<String> response = this.server.send("PUT", path, "X-Student-Token", token);
				long after = System.nanoTime();
				latencies.add(after - before);
				round.answered(before, after, response);
				return null;
			}, at - System.nanoTime(), TimeUnit.NANOSECONDS));
		}
		if (Boolean.getBoolean("dumps")) {
			while (System.nanoTime() < round.started + TimeUnit.MILLISECONDS.toNanos(this.spreadMillis)) {
				dumps.add(this.server.threadDump());
				TimeUnit.MILLISECONDS.sleep(200);
			}
			this.server.writeDumps("class-answers-round-" + round.number, dumps);
		}
		for (Future<?> answer : sent) {
			answer.get();
		}
	}

	private void report(List<Round> done, ConcurrentLinkedQueue<Long> latencies, Window quiet, Window answering,
			long maxHeap, long liveHeap, double load, double loadAfter) {
		System.out.printf(Locale.ROOT,
				"%nA class answering: %d students, %d rounds (each: every student answers "
						+ "question %d within %d ms, from %d threads)%n",
				this.students, done.size(), QUESTION, this.spreadMillis, this.threads);
		long[] shown = done.stream().mapToLong(Round::classDelayMillis).sorted().toArray();
		System.out.printf(Locale.ROOT,
				"class shows all    %s ms after the last answer's response (one per round, sorted; negative: the "
						+ "class message came first; target <= 1000)%n",
				Arrays.toString(shown));
		long[] nanos = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(Locale.ROOT, "answers (HTTP)     %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d failed%n",
				nanos.length, percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6,
				percentile(nanos, 1.0) / 1e6, done.stream().mapToInt((round) -> round.failures.get()).sum());
		quiet.report("room stream, quiet", this.meter);
		answering.report("room stream, answering", this.meter);
		System.out.printf(Locale.ROOT,
				"server heap        at most %.0f MB used while answering (jstat), live %.0f MB after GC; -Xmx1g%n",
				maxHeap / 1e6, liveHeap / 1e6);
		System.out.printf(Locale.ROOT, "load average       %.1f at start, %.1f at end (1 min)%n", load, loadAfter);
	}

	private static long percentile(long[] sorted, double fraction) {
		int rank = (int) Math.max(1, Math.ceil(sorted.length * fraction));
		return (sorted.length == 0) ? 0 : sorted[rank - 1];
	}

	private static String classPath(String code) {
		return "/api/v1/rooms/" + code + "/class";
	}

	/** Question 1's object in a ClassJson, or "" when it is not there. */
	static String question(String classJson) {
		Matcher question = QUESTION_JSON.matcher(classJson);
		return question.find() ? question.group() : "";
	}

	static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
		if (!value.find()) {
			throw new IllegalStateException("No \"" + name + "\" in " + json);
		}
		return value.group(1);
	}

	/** The counts of question 1 in a ClassJson, one per choice. */
	static int[] counts(String question) {
		Matcher counts = Pattern.compile("\"counts\":\\[([0-9,]*)]").matcher(question);
		if (!counts.find() || counts.group(1).isEmpty()) {
			return new int[0];
		}
		return Arrays.stream(counts.group(1).split(",")).mapToInt(Integer::parseInt).toArray();
	}

	/**
	 * The teacher's connection: watches the class topic for the state a round ends in,
	 * every student answered with the round's choice (no earlier state has that, as the
	 * round before chose another).
	 */
	private static final class ClassWatcher implements StreamClient.Listener {

		private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();

		private volatile Expectation expected;

		@Override
		public void message(String destination, String body, long arrivedNanos) {
			this.arrivals.add(arrivedNanos);
			Expectation expectation = this.expected;
			if (expectation == null) {
				return;
			}
			String question = question(body);
			if (question.isEmpty() || !field(question, "answered").equals(String.valueOf(expectation.students))) {
				return;
			}
			int[] counts = counts(question);
			if (counts.length >= expectation.choice && counts[expectation.choice - 1] == expectation.students) {
				expectation.shown.complete(arrivedNanos);
			}
		}

		CompletableFuture<Long> await(int students, int choice) {
			Expectation expectation = new Expectation(students, choice, new CompletableFuture<>());
			this.expected = expectation;
			return expectation.shown;
		}

		long messagesSince(long nanos) {
			return this.arrivals.stream().filter((arrived) -> arrived >= nanos).count();
		}

		private record Expectation(int students, int choice, CompletableFuture<Long> shown) {
		}

	}

	/** One round: every student answers with the same choice. */
	private final class Round {

		final int number;

		final int choice;

		final long started = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);

		private long firstResponse = Long.MAX_VALUE;

		private long lastResponse;

		private long lastSent;

		final AtomicInteger failures = new AtomicInteger();

		private long shownAt;

		private long classMessages;

		Round(int number, int choice) {
			this.number = number;
			this.choice = choice;
		}

		synchronized void answered(long sent, long at, HttpResponse<String> response) {
			this.lastSent = Math.max(this.lastSent, sent);
			this.lastResponse = Math.max(this.lastResponse, at);
			this.firstResponse = Math.min(this.firstResponse, at);
			if (response.statusCode() != 200 && this.failures.incrementAndGet() <= 3) {
				System.err.println("An answer failed: " + response.statusCode() + " " + response.body());
			}
		}

		synchronized void classShown(long at, long messages) {
			this.shownAt = at;
			this.classMessages = messages;
		}

		synchronized long lastResponse() {
			return this.lastResponse;
		}

		synchronized long classDelayMillis() {
			return (this.shownAt < 0) ? -1 : Math.round((this.shownAt - this.lastResponse) / 1e6);
		}

		@Override
		public synchronized String toString() {
			return String.format(Locale.ROOT,
					"round %d: %d answers of choice %d, responses %.0f to %.0f ms after the round's start; the "
							+ "class topic showed all %s (%d class messages in the round)",
					this.number, ClassAnswersBenchmark.this.students, this.choice,
					(this.firstResponse - this.started) / 1e6, (this.lastResponse - this.started) / 1e6,
					(this.shownAt < 0) ? "never (10 s)"
							: String.format(Locale.ROOT,
									"%d ms after the last response, %.0f ms after the last answer was sent",
									classDelayMillis(), (this.shownAt - this.lastSent) / 1e6),
					this.classMessages);
		}

	}

	/**
	 * Measured stretches of the room's stream, one tally over all of them, with the
	 * server's CPU in them.
	 */
	private final class Window {

		private final StreamTally tally = new StreamTally();

		private long cpuTicks;

		private long nanos;

		private long cpuAtStart;

		private long startedAt;

		void start() throws Exception {
			this.cpuAtStart = ClassAnswersBenchmark.this.server.cpuTicks();
			this.startedAt = System.nanoTime();
			ClassAnswersBenchmark.this.meter.measure(this.tally);
		}

		void stop() throws Exception {
			ClassAnswersBenchmark.this.meter.pause();
			this.nanos += System.nanoTime() - this.startedAt;
			this.cpuTicks += ClassAnswersBenchmark.this.server.cpuTicks() - this.cpuAtStart;
		}

		void measure(int seconds) throws Exception {
			start();
			TimeUnit.SECONDS.sleep(seconds);
			stop();
		}

		void report(String name, StreamMeter meter) {
			double seconds = this.nanos / 1e9;
			System.out.printf(Locale.ROOT,
					"%-18s %.1f s: delivered %,d of %,d batches (%.2f %%), %d seq gaps, %d clients failed; "
							+ "tick-to-client %s; server CPU %.0f %% of one core%n",
					name, seconds, this.tally.batches(), this.tally.expected(), this.tally.deliveredPercent(),
					this.tally.gaps(), meter.failures(), this.tally.delaySummary(), this.cpuTicks / seconds);
		}

	}

}
