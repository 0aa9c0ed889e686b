package io.trafficlab.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.trafficlab.classroom.Classrooms;
import io.trafficlab.classroom.Student;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.stomp.StompSession;

import static io.trafficlab.stream.StompTestClient.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A classroom room's stream over real WebSockets: every student subscribed to the room's
 * topic gets the teacher sandbox's batches, the snapshot names the room and never the
 * sandbox, a student cannot send anything, and the room's end reaches its students.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RoomStreamIntegrationTests extends RunningServer {

	private Sandbox teacher;

	private RoomCode room;

	@Autowired
	private Classrooms classrooms;

	@BeforeEach
	void openRoom() {
		this.teacher = sandbox("six-replicas-spread");
		this.room = this.rooms.open(this.teacher.id()).room().code();
	}

	@Test
	void twoStudentsOnTheRoomTopicShouldBothReceiveTheTeachersBatches() throws Exception {
		BlockingQueue<Map<String, Object>> first = StompTestClient.subscribe(this.client.connect(),
				RoomDestinations.eventsTopic(this.room));
		BlockingQueue<Map<String, Object>> second = StompTestClient.subscribe(this.client.connect(),
				RoomDestinations.eventsTopic(this.room));
		List<Map<String, Object>> firstBatches = take(first, 10);
		// The second student subscribed a moment later: its first batch is one the first
		// student got too, the same
		Map<String, Object> common = take(second, 1).get(0);
		assertThat(firstBatches).anySatisfy((batch) -> assertThat(batch).isEqualTo(common));
		assertThat(common).containsKeys("seq", "generation", "simTime", "events");
		assertThat(number(common, "seq")).isPositive();
	}

	@Test
	void roomSnapshotShouldNameTheRoomAndNeverTheSandbox() throws Exception {
		StompSession session = this.client.connect();
		BlockingQueue<Map<String, Object>> snapshots = StompTestClient.subscribe(session,
				RoomDestinations.snapshotDestination(this.room));
		Map<String, Object> snapshot = snapshots.poll(5, TimeUnit.SECONDS);
		assertThat(snapshot).isNotNull().containsEntry("id", this.room.value()).containsKeys("seq", "simulation");
		assertThat(snapshot.toString()).doesNotContain(this.teacher.id());
		BlockingQueue<Map<String, Object>> stats = StompTestClient.subscribe(session,
				RoomDestinations.statsTopic(this.room));
		Map<String, Object> statistics = stats.poll(5, TimeUnit.SECONDS);
		assertThat(statistics).isNotNull().containsEntry("paused", false).containsEntry("speed", 1.0);
	}

	@Test
	void sendToTheRoomShouldBeRefusedAndCloseTheConnection() throws Exception {
		StompSession session = this.client.connect();
		session.send("/app/rooms/" + this.room.value() + "/snapshot", Map.of("policy", "Cluster"));
		long deadline = System.currentTimeMillis() + 5_000;
		while (session.isConnected() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(session.isConnected()).isFalse();
		assertThat(this.teacher.manifests()).as("the sandbox is untouched").contains("externalTrafficPolicy: Local");
	}

	@Test
	void roomEndingShouldTellEveryStudentOnce() throws Exception {
		BlockingQueue<Map<String, Object>> events = StompTestClient.subscribe(this.client.connect(),
				RoomDestinations.eventsTopic(this.room));
		assertThat(events.poll(5, TimeUnit.SECONDS)).as("a first batch").isNotNull();
		this.sandboxes.end(this.teacher.id());
		Map<String, Object> last = null;
		long deadline = System.currentTimeMillis() + 5_000;
		while (System.currentTimeMillis() < deadline) {
			Map<String, Object> message = events.poll(100, TimeUnit.MILLISECONDS);
			if (message != null && "StreamEnded".equals(message.get("type"))) {
				last = message;
				break;
			}
		}
		assertThat(last)
			.isEqualTo(Map.of("type", "StreamEnded", "message", "This room has ended: the teacher's sandbox ended."));
	}

	@Test
	void theClassTopicShouldCarryTheCountsSoonAfterAnswersAndNeverWho() throws Exception {
		RoomCode lessonRoom = this.classrooms.openLesson("uneven-distribution", 2).code();
		BlockingQueue<Map<String, Object>> states = StompTestClient.subscribe(this.client.connect(),
				RoomDestinations.classTopic(lessonRoom));
		Student ada = this.classrooms.join(lessonRoom, "Ada");
		Student bo = this.classrooms.join(lessonRoom, "Bo");
		long answered = System.nanoTime();
		this.classrooms.answer(lessonRoom, ada.token(), 2, 1, 2);
		this.classrooms.answer(lessonRoom, bo.token(), 2, 1, 3);
		Map<String, Object> counted = null;
		long deadline = System.currentTimeMillis() + 5_000;
		while (counted == null && System.currentTimeMillis() < deadline) {
			Map<String, Object> state = states.poll(100, TimeUnit.MILLISECONDS);
			if (state != null && state.toString().contains("answered=2")) {
				counted = state;
			}
		}
		long millis = (System.nanoTime() - answered) / 1_000_000;
		assertThat(counted).as("a class state counting both answers").isNotNull();
		assertThat(millis).as("coalesced to one message per 100 ms, not held back longer").isLessThan(1_000);
		assertThat(counted.toString()).contains("counts=[0, 1, 1]").doesNotContain("Ada", "Bo", ada.token());
	}

	@Test
	void showingAStudentsSandboxShouldPutItOnTheRoomsStreamAndBack() throws Exception {
		Sandbox student = sandbox("uneven-3-1-0");
		this.rooms.show(this.room, student.id());
		StompSession session = this.client.connect();
		Map<String, Object> shown = StompTestClient.subscribe(session, RoomDestinations.snapshotDestination(this.room))
			.poll(5, TimeUnit.SECONDS);
		assertThat(shown).isNotNull().containsEntry("id", this.room.value());
		assertThat(shown.toString()).as("the student's three pods on n1, not the teacher's six")
			.contains("uneven-3-1-0")
			.doesNotContain(student.id(), this.teacher.id());
		assertThat(this.rooms.streaming(student.id())).contains(this.room);
		assertThat(this.rooms.streaming(this.teacher.id())).isEmpty();
		this.rooms.show(this.room, null);
		Map<String, Object> back = StompTestClient.subscribe(session, RoomDestinations.snapshotDestination(this.room))
			.poll(5, TimeUnit.SECONDS);
		assertThat(back.toString()).contains("six-replicas-spread");
		assertThat(this.rooms.streaming(this.teacher.id())).contains(this.room);
		assertThat(this.rooms.streaming(student.id())).isEmpty();
	}

	private static List<Map<String, Object>> take(BlockingQueue<Map<String, Object>> queue, int count)
			throws InterruptedException {
		List<Map<String, Object>> taken = new ArrayList<>();
		long deadline = System.currentTimeMillis() + 10_000;
		while (taken.size() < count && System.currentTimeMillis() < deadline) {
			Map<String, Object> next = queue.poll(200, TimeUnit.MILLISECONDS);
			if (next != null) {
				taken.add(next);
			}
		}
		assertThat(taken).hasSize(count);
		return taken;
	}

}
