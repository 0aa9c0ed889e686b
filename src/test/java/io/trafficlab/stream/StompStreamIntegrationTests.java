package io.trafficlab.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.trafficlab.engine.simulation.SimulationEvent;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxDestinations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.stomp.StompSession;

import static io.trafficlab.stream.StompTestClient.consecutiveSeqs;
import static io.trafficlab.stream.StompTestClient.events;
import static io.trafficlab.stream.StompTestClient.number;
import static io.trafficlab.stream.StompTestClient.subscribeToEvents;
import static io.trafficlab.stream.StompTestClient.subscribeToSnapshot;
import static io.trafficlab.stream.StompTestClient.subscribeToStatistics;
import static io.trafficlab.stream.StompTestClient.take;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream end to end over a real WebSocket: snapshot on subscribe, numbered batches of
 * typed events, statistics, and the refusals that keep it one-way and per sandbox.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StompStreamIntegrationTests extends RunningServer {

	private static final Set<String> EVENT_TYPES = Arrays.stream(SimulationEvent.class.getPermittedSubclasses())
		.map(Class::getSimpleName)
		.collect(Collectors.toSet());

	@Test
	void subscribeWhenSandboxRunsShouldAnswerASnapshotThenStreamBatchesWithIncreasingSeqAndTypedEvents()
			throws Exception {
		Sandbox sandbox = sandbox("six-replicas-spread");
		StompSession session = connect();
		BlockingQueue<Map<String, Object>> batches = subscribeToEvents(session, sandbox);
		Thread.sleep(200);
		BlockingQueue<Map<String, Object>> snapshots = subscribeToSnapshot(session, sandbox);
		Map<String, Object> snapshot = snapshots.poll(5, TimeUnit.SECONDS);
		assertThat(snapshot).isNotNull()
			.containsEntry("id", sandbox.id())
			.containsKeys("seq", "generation", "simulation");
		List<Map<String, Object>> received = take(batches, 20);
		List<Long> seqs = consecutiveSeqs(received);
		assertThat(seqs.get(seqs.size() - 1)).isGreaterThan(number(snapshot, "seq"));
		List<Long> simTimes = received.stream().map((batch) -> number(batch, "simTime")).toList();
		assertThat(simTimes).isSorted().doesNotHaveDuplicates();
		assertThat(received)
			.allSatisfy((batch) -> assertThat(batch).containsKeys("tickWallTime", "missed", "generation"));
		List<Map<String, Object>> events = received.stream().flatMap((batch) -> events(batch).stream()).toList();
		assertThat(events).isNotEmpty().allSatisfy((event) -> {
			assertThat(EVENT_TYPES).contains(String.valueOf(event.get("type")));
			assertThat(event).containsKey("time");
		});
		assertThat(events).anySatisfy((event) -> assertThat(event).containsEntry("type", "ConnectionRouted")
			.containsKeys("clientIp", "entryNode", "pod", "sourceSeen", "hops"));
	}

	@Test
	void subscribeToStatsShouldDeliverStatisticsAFewTimesASecond() throws Exception {
		Sandbox sandbox = sandbox("uneven-3-1-0");
		StompSession session = connect();
		BlockingQueue<Map<String, Object>> stats = subscribeToStatistics(session, sandbox);
		Map<String, Object> first = stats.poll(5, TimeUnit.SECONDS);
		Map<String, Object> second = stats.poll(5, TimeUnit.SECONDS);
		assertThat(first).isNotNull().containsKeys("generation", "tickWallTime", "statistics");
		assertThat(second).isNotNull();
		assertThat(number(second, "tickWallTime") - number(first, "tickWallTime")).isBetween(150L, 1_000L);
		@SuppressWarnings("unchecked")
		Map<String, Object> statistics = (Map<String, Object>) first.get("statistics");
		assertThat(statistics).containsKeys("pods", "nodes", "healthChecks", "exact");
	}

	/**
	 * Spring sends the ERROR frame and closes the connection at once; the frame can lose
	 * that race, so the refusal is the closed connection, with the reason when the frame
	 * made it.
	 */
	@Test
	void subscribeWhenSandboxUnknownShouldBeRefused() throws Exception {
		StompSession session = connect();
		StompTestClient.subscribe(session, "/topic/sandboxes/AAAAAAAAAAAAAAAAAAAAAA/events");
		assertRefused(session);
	}

	@Test
	void subscribeWhenDestinationIsNoSandboxTopicShouldBeRefused() throws Exception {
		StompSession session = connect();
		StompTestClient.subscribe(session, "/topic/everything");
		assertRefused(session);
	}

	@Test
	void sendWhenClientSendsAnythingShouldBeRefused() throws Exception {
		Sandbox sandbox = sandbox("empty");
		StompSession session = connect();
		session.send(SandboxDestinations.eventsTopic(sandbox.id()), Map.of("type", "ConnectionRouted"));
		assertRefused(session);
	}

	@Test
	void subscribeWhenNobodyWatchedBeforeShouldStillFindTheClockMoving() throws Exception {
		Sandbox sandbox = sandbox("empty");
		Thread.sleep(300);
		StompSession session = connect();
		BlockingQueue<Map<String, Object>> snapshots = subscribeToSnapshot(session, sandbox);
		Map<String, Object> snapshot = snapshots.poll(5, TimeUnit.SECONDS);
		assertThat(snapshot).isNotNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> simulation = (Map<String, Object>) snapshot.get("simulation");
		assertThat(number(simulation, "now")).isPositive();
		assertThat(number(snapshot, "seq")).isZero();
	}

	private StompSession connect() throws Exception {
		return this.client.connect(recordingErrors());
	}

	private void assertRefused(StompSession session) throws InterruptedException {
		assertThat(errorsWithin(Duration.ofSeconds(5), "Connection closed")).contains("transport: Connection closed");
		assertThat(session.isConnected()).isFalse();
	}

	/** The errors reported until one contains {@code expected}, or the time is up. */
	private List<String> errorsWithin(Duration timeout, String expected) throws InterruptedException {
		List<String> seen = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (seen.stream().noneMatch((error) -> error.contains(expected)) && System.nanoTime() < deadline) {
			String error = this.errors.poll(100, TimeUnit.MILLISECONDS);
			if (error != null) {
				seen.add(error);
			}
		}
		return seen;
	}

}
