package io.trafficlab.engine.kernel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EventQueueTests {

	@Test
	void pollWhenEventsShareATimeShouldKeepTheOrderTheyWereScheduledIn() {
		EventQueue queue = new EventQueue();
		queue.schedule(20, 1, 200);
		queue.schedule(10, 2, 100);
		queue.schedule(20, 3, 201);
		queue.schedule(10, 4, 101);
		queue.schedule(5, 5, 50);
		List<Long> order = new ArrayList<>();
		while (!queue.isEmpty()) {
			queue.poll();
			order.add(queue.polledPayload());
		}
		assertThat(order).containsExactly(50L, 100L, 101L, 200L, 201L);
	}

	@Test
	void pollWhenManyEventsAreScheduledShouldReturnThemByTimeThenSequence() {
		EventQueue queue = new EventQueue();
		SplitMix64 random = new SplitMix64(7);
		for (int i = 0; i < 10_000; i++) {
			queue.schedule(random.nextInt(500), i % 3, i);
		}
		long lastTime = -1;
		long lastPayload = -1;
		while (!queue.isEmpty()) {
			queue.poll();
			assertThat(queue.polledTime()).isGreaterThanOrEqualTo(lastTime);
			if (queue.polledTime() == lastTime) {
				assertThat(queue.polledPayload()).isGreaterThan(lastPayload);
			}
			lastTime = queue.polledTime();
			lastPayload = queue.polledPayload();
		}
	}

	@Test
	void pollWhenEmptyShouldFail() {
		assertThatIllegalStateException().isThrownBy(() -> new EventQueue().poll());
	}

	@Test
	void advanceToShouldHandleEveryDueEventThenSetTheClock() {
		EventLoop loop = new EventLoop();
		loop.schedule(10, 0, 1);
		loop.schedule(30, 0, 2);
		loop.schedule(31, 0, 3);
		List<Long> seen = new ArrayList<>();
		List<Long> times = new ArrayList<>();
		int handled = loop.advanceTo(30, (kind, payload) -> {
			seen.add(payload);
			times.add(loop.now());
		});
		assertThat(handled).isEqualTo(2);
		assertThat(seen).containsExactly(1L, 2L);
		assertThat(times).containsExactly(10L, 30L);
		assertThat(loop.now()).isEqualTo(30);
		assertThat(loop.step((kind, payload) -> seen.add(payload))).isTrue();
		assertThat(loop.now()).isEqualTo(31);
		assertThat(loop.step((kind, payload) -> seen.add(payload))).isFalse();
	}

	@Test
	void advanceToWhenGoingBackShouldFail() {
		EventLoop loop = new EventLoop();
		loop.advanceTo(100, (kind, payload) -> {
		});
		assertThatIllegalArgumentException().isThrownBy(() -> loop.advanceTo(99, (kind, payload) -> {
		})).withMessageContaining("only moves forward");
		assertThatIllegalArgumentException().isThrownBy(() -> loop.schedule(50, 0, 0))
			.withMessageContaining("before now");
	}

}
