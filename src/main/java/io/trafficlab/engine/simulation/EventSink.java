package io.trafficlab.engine.simulation;

/**
 * Receives the events a {@link Simulation} produces while it advances, in order.
 */
public interface EventSink {

	/**
	 * A sink that wants nothing: the simulation builds no event objects for it (the fast
	 * path).
	 */
	EventSink NONE = new EventSink() {

		@Override
		public void accept(SimulationEvent event) {
		}

		@Override
		public boolean wantsEvents() {
			return false;
		}

	};

	/** Receives one event. */
	void accept(SimulationEvent event);

	/**
	 * Whether the simulation should build events at all; when {@code false},
	 * {@link #accept} is never called.
	 */
	default boolean wantsEvents() {
		return true;
	}

}
