package io.trafficlab.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.trafficlab.cluster.InstanceId;
import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomCode;
import io.trafficlab.sandbox.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PeerReports}: what other instances last said, forgotten when they fall
 * silent.
 */
@ExtendWith(OutputCaptureExtension.class)
class PeerReportsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

	private final PeerReports peers = new PeerReports(ThisInstance.named(InstanceId.parse("B")), this.clock);

	private static final RoomCode A_ROOM = new RoomCode("AK7F2Q");

	@Test
	void aRoomShouldBeOpenElsewhereOnlyWhileItsOwnerSaysSo() {
		assertThat(this.peers.openElsewhere(A_ROOM)).isFalse();
		this.peers.received(new InstanceReport("A", "boot-a", Set.of(A_ROOM.value()), Map.of()));
		assertThat(this.peers.openElsewhere(A_ROOM)).isTrue();
		this.peers.received(new InstanceReport("A", "boot-a", Set.of(), Map.of()));
		assertThat(this.peers.openElsewhere(A_ROOM)).isFalse();
	}

	@Test
	void onlyTheOwnerShouldOpenARoom() {
		this.peers.received(new InstanceReport("C", "boot-c", Set.of(A_ROOM.value()), Map.of()));
		assertThat(this.peers.openElsewhere(A_ROOM)).isFalse();
	}

	@Test
	void watchersShouldAddUpOverInstancesUntilAReportIsThreeSecondsOld() {
		this.peers.received(new InstanceReport("A", "boot-a", Set.of(A_ROOM.value()), Map.of(A_ROOM.value(), 3)));
		this.clock.advance(Duration.ofMillis(2_000));
		this.peers.received(new InstanceReport("C", "boot-c", Set.of(), Map.of(A_ROOM.value(), 4)));
		assertThat(this.peers.watchersElsewhere(A_ROOM)).isEqualTo(7);
		this.clock.advance(Duration.ofMillis(1_001));
		assertThat(this.peers.watchersElsewhere(A_ROOM)).isEqualTo(4);
		assertThat(this.peers.openElsewhere(A_ROOM)).isFalse();
	}

	@Test
	void ownReportsShouldBeIgnoredAndASecondInstanceOfTheSameNameNoticed(CapturedOutput output) {
		this.peers.received(new InstanceReport("B", this.peers.boot(), Set.of("BK7F2Q"), Map.of(A_ROOM.value(), 5)));
		assertThat(this.peers.watchersElsewhere(A_ROOM)).isZero();
		assertThat(output).doesNotContain("Another instance");
		this.peers.received(new InstanceReport("B", "someone-else", Set.of(), Map.of(A_ROOM.value(), 5)));
		assertThat(this.peers.watchersElsewhere(A_ROOM)).isZero();
		assertThat(output).contains("Another instance also calls itself B");
	}

	@Test
	void aReportShouldArriveAsTheJsonTheBrokerCarries() {
		String json = "{\"instance\":\"A\",\"boot\":\"x\",\"owned\":[\"AK7F2Q\"],\"watchers\":{\"AK7F2Q\":2}}";
		this.peers.handleMessage(MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8)).build());
		assertThat(this.peers.openElsewhere(A_ROOM)).isTrue();
		assertThat(this.peers.watchersElsewhere(A_ROOM)).isEqualTo(2);
	}

	@Test
	void somethingElseOnTheTopicShouldBeIgnoredWithOneLine(CapturedOutput output) {
		this.peers.handleMessage(MessageBuilder.withPayload("not json".getBytes(StandardCharsets.UTF_8)).build());
		assertThat(output).contains("Ignored a report").doesNotContain("\tat ");
	}

}
