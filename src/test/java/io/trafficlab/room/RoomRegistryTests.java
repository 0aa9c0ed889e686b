package io.trafficlab.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxEnded;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.sandbox.TestSandboxes;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link RoomRegistry}: one room per sandbox, a cap, and rooms that end with
 * their sandbox or their teacher.
 */
class RoomRegistryTests {

	private final List<Object> events = new ArrayList<>();

	private final SandboxRegistry sandboxes = TestSandboxes.registry(Clock.systemUTC(), this::ended);

	private RoomRegistry rooms = registry(RoomProperties.defaults());

	@Test
	void openShouldGiveTheSandboxOneRoomAndTheSameOneWhenAskedAgain() {
		Sandbox sandbox = this.sandboxes.createFromPreset(null, 1L);
		RoomRegistry.Opened first = this.rooms.open(sandbox.id());
		RoomRegistry.Opened again = this.rooms.open(sandbox.id());
		assertThat(first.created()).isTrue();
		assertThat(again.created()).isFalse();
		assertThat(again.room()).isEqualTo(first.room());
		assertThat(this.rooms.get(first.room().code()).sandbox()).isEqualTo(sandbox.id());
		assertThat(this.rooms.ofSandbox(sandbox.id())).contains(first.room());
		assertThat(this.rooms.size()).isEqualTo(1);
	}

	@Test
	void openWhenTwoSandboxesShouldGiveThemDifferentCodes() {
		RoomCode first = this.rooms.open(this.sandboxes.createFromPreset(null, 1L).id()).room().code();
		RoomCode second = this.rooms.open(this.sandboxes.createFromPreset(null, 2L).id()).room().code();
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void openWhenTheSandboxDoesNotExistShouldAnswer404() {
		assertThatThrownBy(() -> this.rooms.open("AAAAAAAAAAAAAAAAAAAAAA"))
			.isInstanceOfSatisfying(RoomRequestException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND))
			.hasMessageContaining("There is no sandbox \"AAAAAAAAAAAAAAAAAAAAAA\" to open a room on");
	}

	@Test
	void openWhenTheCapIsReachedShouldAnswer503ButStillFindAnOpenRoom() {
		this.rooms = registry(new RoomProperties(2, 200));
		Sandbox first = this.sandboxes.createFromPreset(null, 1L);
		this.rooms.open(first.id());
		this.rooms.open(this.sandboxes.createFromPreset(null, 2L).id());
		String third = this.sandboxes.createFromPreset(null, 3L).id();
		assertThatThrownBy(() -> this.rooms.open(third))
			.isInstanceOfSatisfying(RoomRequestException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.hasMessageContaining("limit of 2 open classroom rooms");
		assertThat(this.rooms.open(first.id()).created()).isFalse();
	}

	@Test
	void sandboxEndedShouldEndItsRoomAndTellItsStudents() {
		Sandbox sandbox = this.sandboxes.createFromPreset(null, 1L);
		RoomCode code = this.rooms.open(sandbox.id()).room().code();
		this.sandboxes.end(sandbox.id());
		assertThat(this.rooms.find(code)).isEmpty();
		assertThat(this.rooms.ofSandbox(sandbox.id())).isEmpty();
		assertThat(this.events).contains(new RoomEnded(code, "This room has ended: the teacher's sandbox ended."));
		assertThatThrownBy(() -> this.rooms.get(code))
			.isInstanceOfSatisfying(RoomRequestException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.GONE))
			.hasMessage("This room has ended: the teacher's sandbox ended (room " + code.display() + ").");
	}

	@Test
	void closeShouldEndTheRoomOnlyForItsTeacher() {
		Sandbox teacher = this.sandboxes.createFromPreset(null, 1L);
		Sandbox other = this.sandboxes.createFromPreset(null, 2L);
		RoomCode code = this.rooms.open(teacher.id()).room().code();
		assertThatThrownBy(() -> this.rooms.close(code, other.id())).isInstanceOfSatisfying(RoomRequestException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThat(this.rooms.find(code)).isPresent();
		this.rooms.close(code, teacher.id());
		assertThat(this.rooms.find(code)).isEmpty();
		assertThat(this.sandboxes.find(teacher.id())).as("the sandbox goes on").isPresent();
		assertThat(this.events).contains(new RoomEnded(code, "This room has ended: the teacher closed it."));
		assertThat(this.rooms.open(teacher.id()).room().code()).as("a new room gets a new code").isNotEqualTo(code);
	}

	@Test
	void getWhenTheCodeNeverExistedShouldAnswer404() {
		assertThatThrownBy(() -> this.rooms.get(new RoomCode("ZZZZZZ")))
			.isInstanceOfSatisfying(RoomRequestException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND))
			.hasMessageStartingWith("There is no room ZZZ-ZZZ.");
	}

	@Test
	void openShouldNeverReuseTheCodeOfARoomThatJustEnded() {
		// A source that repeats itself: the first six draws make one code, the next six
		// the same code again
		this.rooms = new RoomRegistry(this.sandboxes, RoomProperties.defaults(), new Repeating(), Clock.systemUTC(),
				this.events::add);
		Sandbox first = this.sandboxes.createFromPreset(null, 1L);
		RoomCode ended = this.rooms.open(first.id()).room().code();
		this.sandboxes.end(first.id());
		RoomCode next = this.rooms.open(this.sandboxes.createFromPreset(null, 2L).id()).room().code();
		assertThat(next).isNotEqualTo(ended);
	}

	private RoomRegistry registry(RoomProperties properties) {
		return new RoomRegistry(this.sandboxes, properties, new SplittableRandom(1), Clock.systemUTC(),
				this.events::add);
	}

	/** Hands the sandboxes' events on, as Spring would, and keeps every event seen. */
	private void ended(Object event) {
		this.events.add(event);
		if (event instanceof SandboxEnded ended) {
			this.rooms.sandboxEnded(ended);
		}
	}

	/**
	 * Draws 0, 1, 2, 3, 4, 5 twice, then counts on: the same code twice, then another.
	 */
	private static final class Repeating implements RandomGenerator {

		private int draws;

		@Override
		public long nextLong() {
			return nextInt(Integer.MAX_VALUE);
		}

		@Override
		public int nextInt(int bound) {
			int draw = this.draws++;
			return ((draw < 12) ? draw % 6 : draw) % bound;
		}

	}

}
