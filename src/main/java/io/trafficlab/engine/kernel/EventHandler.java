package io.trafficlab.engine.kernel;

/**
 * Handles one event popped from the {@link EventLoop}'s queue; the clock already shows
 * the event's time.
 */
@FunctionalInterface
public interface EventHandler {

	void handle(int kind, long payload);

}
