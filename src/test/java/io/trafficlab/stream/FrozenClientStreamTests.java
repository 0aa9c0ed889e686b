package io.trafficlab.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxDestinations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.stomp.StompSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers that stop reading (a laptop gone to sleep, subscribed like the page and then
 * frozen) never delay a healthy browser's stream by more than a second, in one room or
 * across sandboxes; they are closed once their writes stall for the send time limit (here
 * 3 s); what waits for them stays within the per-connection bound. Every client offers
 * compression as Chromium does, and is answered without it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "trafficlab.stream.send-time-limit=3s")
class FrozenClientStreamTests extends RunningServer {

	private static final int FROZEN = 6;

	private static final long SEND_BUFFER = 256 * 1024;

	@Autowired
	private OutboundSessions outbound;

	private final List<RawStreamClient> frozen = new ArrayList<>();

	@AfterEach
	void closeFrozenClients() throws Exception {
		for (RawStreamClient client : this.frozen) {
			client.close();
		}
	}

	@Test
	void connectWhenTheBrowserOffersDeflateShouldAnswerWithoutItAndStream() throws Exception {
		Sandbox sandbox = sandbox();
		try (RawStreamClient browser = RawStreamClient.connect(this.port)) {
			assertThat(browser.handshakeResponse()).doesNotContainIgnoringCase("permessage-deflate");
			browser.subscribe("0", SandboxDestinations.eventsTopic(sandbox.id()));
			String message = browser.receive();
			assertThat(message).startsWith("MESSAGE").contains("\"seq\":");
		}
	}

	@Test
	void frozenStudentsInARoomShouldNeverDelayAHealthyStudentAndBeClosed() throws Exception {
		Sandbox teacher = sandbox();
		RoomCode room = this.rooms.open(teacher.id()).room().code();
		for (int i = 0; i < FROZEN; i++) {
			RawStreamClient student = freeze(RoomDestinations.eventsTopic(room));
			student.subscribe("1", RoomDestinations.statsTopic(room));
		}
		assertHealthyAndFrozenClosed(RoomDestinations.eventsTopic(room));
	}

	@Test
	void frozenBrowsersOnOtherSandboxesShouldNeverDelayAHealthyOneAndBeClosed() throws Exception {
		for (int i = 0; i < FROZEN; i++) {
			freeze(SandboxDestinations.eventsTopic(sandbox().id()));
		}
		assertHealthyAndFrozenClosed(SandboxDestinations.eventsTopic(sandbox().id()));
	}

	private void assertHealthyAndFrozenClosed(String healthyTopic) throws Exception {
		// connections an earlier test of this context left behind may still be closing:
		// count
		// only the ones this test opens on top of them
		int openBefore = this.outbound.count() - FROZEN;
		long frozenAt = System.nanoTime();
		AtomicLong worstDelay = new AtomicLong();
		AtomicLong batches = new AtomicLong();
		// the healthy browser: the running server's own client
		StompSession session = this.client.connect();
		session.subscribe(healthyTopic, StompTestClient.jsonObjects((headers, batch) -> {
			long delay = System.currentTimeMillis() - ((Number) batch.get("tickWallTime")).longValue();
			worstDelay.accumulateAndGet(delay, Math::max);
			batches.incrementAndGet();
		}));
		long largestQueue = 0;
		long longestWrite = 0;
		long watched = TimeUnit.SECONDS.toNanos(15);
		long deadline = frozenAt + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline
				&& (this.outbound.count() > openBefore + 1 || System.nanoTime() - frozenAt < watched)) {
			largestQueue = Math.max(largestQueue, this.outbound.largestQueue());
			longestWrite = Math.max(longestWrite, this.outbound.longestWriteMillis());
			Thread.sleep(50);
		}
		// the batches made in 15 s (300 at 20 a second) depend on the CPU that the
		// JVM's other cached test contexts leave: the count is only a floor that
		// proves a stream arrived; the delay below is the claim
		assertThat(batches.get()).as("batches the healthy client received").isGreaterThan(100);
		assertThat(worstDelay.get()).as("the healthy client's worst delay (ms)").isLessThan(1_000);
		assertThat(this.outbound.count()).as("connections left open (the healthy one): %s", this.outbound)
			.isLessThanOrEqualTo(openBefore + 1);
		// the send time limit (3 s), plus up to one watchdog round (0.5 s), plus a second
		// of scheduling slack that a busy full suite has been seen to use (4,015 ms)
		assertThat(longestWrite).as("the longest a stuck write lasted (ms)").isBetween(3_000L, 4_500L);
		assertThat(largestQueue).isLessThanOrEqualTo(SEND_BUFFER);
		assertThat(this.frozen).allSatisfy((client) -> assertThat(client.closedByServer()).isTrue());
	}

	private Sandbox sandbox() {
		Sandbox sandbox = sandbox("six-replicas-spread");
		sandbox.speed(10);
		return sandbox;
	}

	private RawStreamClient freeze(String destination) throws Exception {
		RawStreamClient client = RawStreamClient.connect(this.port);
		client.subscribe("0", destination);
		this.frozen.add(client);
		return client;
	}

}
