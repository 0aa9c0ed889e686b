package io.trafficlab.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.trafficlab.engine.simulation.EventSink;
import io.trafficlab.engine.simulation.SimulationEvent;

/**
 * Collects one batch's events, keeping at most a fixed number and only counting the rest
 * by type, so that a fast simulation never builds an unbounded message. When nobody
 * watches, it tells the simulation not to build events at all.
 */
final class EventCollector implements EventSink {

	private final int capacity;

	private final List<SimulationEvent> events = new ArrayList<>();

	private final Map<String, Integer> missed = new TreeMap<>();

	private boolean wanted;

	EventCollector(int capacity) {
		this.capacity = capacity;
	}

	/** Whether the next events are wanted (someone watches the stream). */
	void want(boolean wanted) {
		this.wanted = wanted;
	}

	@Override
	public boolean wantsEvents() {
		return this.wanted;
	}

	@Override
	public void accept(SimulationEvent event) {
		if (this.events.size() < this.capacity) {
			this.events.add(event);
		}
		else {
			this.missed.merge(event.getClass().getSimpleName(), 1, Integer::sum);
		}
	}

	boolean isEmpty() {
		return this.events.isEmpty() && this.missed.isEmpty();
	}

	/** The events collected so far, emptying the collector. */
	List<SimulationEvent> drainEvents() {
		List<SimulationEvent> drained = List.copyOf(this.events);
		this.events.clear();
		return drained;
	}

	/** The events counted but not kept, by type, emptying the count. */
	Map<String, Integer> drainMissed() {
		if (this.missed.isEmpty()) {
			return Map.of();
		}
		Map<String, Integer> drained = new TreeMap<>(this.missed);
		this.missed.clear();
		return drained;
	}

	void clear() {
		this.events.clear();
		this.missed.clear();
	}

}
