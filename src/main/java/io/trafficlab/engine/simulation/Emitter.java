package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where events go: to the sink of the {@code advanceTo}/{@code step} call in progress,
 * or, while a command is being applied (no sink at hand), into a buffer that the next
 * call delivers first. Producers ask {@link #wants()} before building an event, so a sink
 * that wants nothing costs no event objects.
 */
final class Emitter {

	private final List<SimulationEvent> buffer = new ArrayList<>();

	private @Nullable EventSink sink;

	private boolean wants = true;

	/** Whether events should be built at all. */
	boolean wants() {
		return this.wants;
	}

	void emit(SimulationEvent event) {
		EventSink target = this.sink;
		if (target != null) {
			target.accept(event);
		}
		else {
			this.buffer.add(event);
		}
	}

	/**
	 * Sends events to {@code target} until {@link #detach()}, after delivering (or
	 * discarding) the buffer.
	 */
	void attach(EventSink target) {
		if (target.wantsEvents()) {
			for (SimulationEvent event : this.buffer) {
				target.accept(event);
			}
		}
		this.buffer.clear();
		this.sink = target;
		this.wants = target.wantsEvents();
	}

	/** Back to buffering, for commands. */
	void detach() {
		this.sink = null;
		this.wants = true;
	}

}
