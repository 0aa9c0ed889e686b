package io.trafficlab.stream;

import io.trafficlab.room.RoomCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link StreamDestination}: the destinations of sandboxes and of classroom
 * rooms, and nothing else.
 */
class StreamDestinationTests {

	private static final String ID = "q0xJ3kR5Tq2l0mYc4Lw1Zg";

	@Test
	void parseShouldReadASandboxsThreeDestinations() {
		assertThat(StreamDestination.parse("/topic/sandboxes/" + ID + "/events"))
			.contains(StreamDestination.sandbox(ID, StreamDestination.Kind.EVENTS));
		assertThat(StreamDestination.parse("/topic/sandboxes/" + ID + "/stats"))
			.contains(StreamDestination.sandbox(ID, StreamDestination.Kind.STATS));
		assertThat(StreamDestination.parse("/app/sandboxes/" + ID + "/snapshot"))
			.contains(StreamDestination.sandbox(ID, StreamDestination.Kind.SNAPSHOT));
	}

	@Test
	void parseShouldReadARoomsThreeDestinations() {
		RoomCode code = new RoomCode("K7F2QX");
		assertThat(StreamDestination.parse("/topic/rooms/K7F2QX/events"))
			.contains(StreamDestination.room(code, StreamDestination.Kind.EVENTS));
		assertThat(StreamDestination.parse("/topic/rooms/K7F2QX/stats"))
			.contains(StreamDestination.room(code, StreamDestination.Kind.STATS));
		StreamDestination snapshot = StreamDestination.parse("/app/rooms/K7F2QX/snapshot").orElseThrow();
		assertThat(snapshot.scope()).isEqualTo(StreamDestination.Scope.ROOM);
		assertThat(snapshot.kind()).isEqualTo(StreamDestination.Kind.SNAPSHOT);
		assertThat(snapshot.roomCode()).isEqualTo(code);
	}

	@Test
	void aRoomAndASandboxWithTheSameKeyShouldBeDifferentDestinations() {
		assertThat(StreamDestination.parse("/topic/rooms/K7F2QX/events"))
			.isNotEqualTo(StreamDestination.parse("/topic/sandboxes/K7F2QX/events"));
		assertThatThrownBy(() -> StreamDestination.parse("/topic/sandboxes/K7F2QX/events").orElseThrow().roomCode())
			.isInstanceOf(IllegalStateException.class);
	}

	/**
	 * Only the canonical code: the broker matches destinations exactly, so another
	 * spelling would hear nothing.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/topic/rooms/k7f2qx/events", "/topic/rooms/K7F-2QX/events", "/topic/rooms/K0F2QX/events",
			"/topic/rooms/K7F2QXX/events", "/topic/rooms/K7F2QX/commands",
			"/topic/rooms/K7F2QX/../../sandboxes/" + ID + "/events", "/app/rooms/K7F2QX/events", "/topic/rooms/K7F2QX",
			"/topic/rooms//events", "/topic/sandboxes/a.b/events", "/queue/rooms/K7F2QX/events", "" })
	void parseShouldRefuseAnythingElse(String destination) {
		assertThat(StreamDestination.parse(destination)).isEmpty();
	}

	@Test
	void parseWhenThereIsNoDestinationShouldRefuse() {
		assertThat(StreamDestination.parse(null)).isEmpty();
	}

}
