package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link EventSink} that keeps every event, for assertions.
 */
final class Recorder implements EventSink {

	final List<SimulationEvent> events = new ArrayList<>();

	@Override
	public void accept(SimulationEvent event) {
		this.events.add(event);
	}

	<T extends SimulationEvent> List<T> all(Class<T> type) {
		List<T> result = new ArrayList<>();
		for (SimulationEvent event : this.events) {
			if (type.isInstance(event)) {
				result.add(type.cast(event));
			}
		}
		return result;
	}

	<T extends SimulationEvent> List<T> all(Class<T> type, Predicate<T> filter) {
		return all(type).stream().filter(filter).toList();
	}

	<T extends SimulationEvent> T first(Class<T> type, Predicate<T> filter) {
		return all(type, filter).stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " matches"));
	}

	List<String> lines() {
		return this.events.stream().map(Object::toString).toList();
	}

}
