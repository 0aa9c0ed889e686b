package io.trafficlab.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BrokerDestinations}: topic names with one segment after
 * {@code /topic/}, as RabbitMQ's STOMP plugin takes them, and back.
 */
class BrokerDestinationsTests {

	@Test
	void toBrokerShouldJoinTheSegmentsAfterTopicWithDots() {
		assertThat(BrokerDestinations.toBroker("/topic/rooms/K7F2QX/events")).isEqualTo("/topic/rooms.K7F2QX.events");
		assertThat(BrokerDestinations.toBroker("/topic/sandboxes/q0xJ3k-R5_q/stats"))
			.isEqualTo("/topic/sandboxes.q0xJ3k-R5_q.stats");
	}

	@Test
	void fromBrokerShouldGiveBackTheApplicationsOwnName() {
		for (String name : new String[] { "/topic/rooms/K7F2QX/events", "/topic/sandboxes/q0xJ3k-R5_q/stats" }) {
			assertThat(BrokerDestinations.fromBroker(BrokerDestinations.toBroker(name))).isEqualTo(name);
		}
	}

	@Test
	void destinationsOutsideTopicShouldStayAsTheyAre() {
		assertThat(BrokerDestinations.toBroker("/app/rooms/K7F2QX/snapshot")).isEqualTo("/app/rooms/K7F2QX/snapshot");
		assertThat(BrokerDestinations.fromBroker("/queue/a.b")).isEqualTo("/queue/a.b");
		assertThat(BrokerDestinations.toBroker(null)).isNull();
	}

}
