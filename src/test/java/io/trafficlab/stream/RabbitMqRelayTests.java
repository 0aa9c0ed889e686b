package io.trafficlab.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.simp.stomp.StompSession;

import static io.trafficlab.stream.StompTestClient.consecutiveSeqs;
import static io.trafficlab.stream.StompTestClient.number;
import static io.trafficlab.stream.StompTestClient.subscribeToEvents;
import static io.trafficlab.stream.StompTestClient.subscribeToSnapshot;
import static io.trafficlab.stream.StompTestClient.subscribeToStatistics;
import static io.trafficlab.stream.StompTestClient.take;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay switched on against a real RabbitMQ and its STOMP plugin
 * ({@link RabbitMqBroker}): the browsers' subscriptions to a sandbox's events and
 * statistics and to a room's topics are served as without it, by the instance's own
 * broker, the snapshot still answers from the application, and a browser still cannot
 * send. What travels through RabbitMQ between instances is tested by
 * {@link BrokerOutageTests} and {@code SeveralServersIT}.
 */
class RabbitMqRelayTests extends RabbitMqServer {

	@BeforeEach
	void awaitBroker() throws InterruptedException {
		awaitBrokerAvailable();
	}

	@Test
	void sandboxSubscriberShouldReceiveNumberedBatchesAndStatisticsWithTheRelayOn() throws Exception {
		Sandbox sandbox = sandbox("six-replicas-spread");
		StompSession session = connect();
		BlockingQueue<Map<String, Object>> batches = subscribeToEvents(session, sandbox);
		BlockingQueue<Map<String, Object>> stats = subscribeToStatistics(session, sandbox);
		List<Map<String, Object>> received = take(batches, 10);
		consecutiveSeqs(received);
		assertThat(received).allSatisfy((batch) -> assertThat(batch).containsKeys("generation", "simTime", "events"));
		assertThat(take(stats, 1).get(0)).containsKeys("generation", "tickWallTime", "statistics");

		BlockingQueue<Map<String, Object>> snapshots = subscribeToSnapshot(session, sandbox);
		Map<String, Object> snapshot = snapshots.poll(5, TimeUnit.SECONDS);
		assertThat(snapshot).isNotNull().containsEntry("id", sandbox.id()).containsKeys("seq", "simulation");
		assertThat(this.errors).isEmpty();
	}

	@Test
	void roomWatchersOnTwoConnectionsShouldReceiveTheSameBatchesWithTheRelayOn() throws Exception {
		Sandbox teacher = sandbox("six-replicas-spread");
		RoomCode room = this.rooms.open(teacher.id()).room().code();
		StompSession first = connect();
		StompSession second = connect();
		BlockingQueue<Map<String, Object>> firstBatches = StompTestClient.subscribe(first,
				RoomDestinations.eventsTopic(room));
		BlockingQueue<Map<String, Object>> secondBatches = StompTestClient.subscribe(second,
				RoomDestinations.eventsTopic(room));
		BlockingQueue<Map<String, Object>> stats = StompTestClient.subscribe(first, RoomDestinations.statsTopic(room));
		// Both connections get the same batch from the later of their first ones on: the
		// two SUBSCRIBEs may be handled in either order (the inbound channel has a pool)
		Map<String, Object> firstOfFirst = take(firstBatches, 1).get(0);
		Map<String, Object> firstOfSecond = take(secondBatches, 1).get(0);
		long common = Math.max(number(firstOfFirst, "seq"), number(firstOfSecond, "seq"));
		assertThat(batchNumbered(common, firstOfFirst, firstBatches))
			.isEqualTo(batchNumbered(common, firstOfSecond, secondBatches));
		assertThat(take(stats, 1).get(0)).containsKeys("statistics");

		BlockingQueue<Map<String, Object>> snapshots = StompTestClient.subscribe(second,
				RoomDestinations.snapshotDestination(room));
		Map<String, Object> snapshot = snapshots.poll(5, TimeUnit.SECONDS);
		assertThat(snapshot).isNotNull().containsEntry("id", room.value());
		assertThat(snapshot.toString()).doesNotContain(teacher.id());
		assertThat(this.errors).isEmpty();
	}

	@Test
	void sendShouldStillBeRefusedWithTheRelay() throws Exception {
		Sandbox teacher = sandbox("empty");
		RoomCode room = this.rooms.open(teacher.id()).room().code();
		StompSession session = connect();
		session.send(RoomDestinations.eventsTopic(room), Map.of("type", "ConnectionRouted"));
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (session.isConnected() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(session.isConnected()).isFalse();
	}

	private StompSession connect() throws Exception {
		return this.client.connect(recordingErrors());
	}

	/**
	 * The batch numbered {@code seq}: {@code first} or one that follows it on the queue,
	 * every number on the way there (no batch is skipped).
	 */
	private static Map<String, Object> batchNumbered(long seq, Map<String, Object> first,
			BlockingQueue<Map<String, Object>> queue) throws InterruptedException {
		Map<String, Object> batch = first;
		while (number(batch, "seq") < seq) {
			long previous = number(batch, "seq");
			batch = take(queue, 1).get(0);
			assertThat(number(batch, "seq")).as("the batch after " + previous).isEqualTo(previous + 1);
		}
		return batch;
	}

}
