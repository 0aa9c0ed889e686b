package io.trafficlab.sandbox;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.simulation.SimulationEvent;

/**
 * What one tick of one sandbox produced: the stream's unit of delivery.
 *
 * @param seq the batch's number in this sandbox's stream, from 1, without gaps; a gap
 * seen by a client means it missed a batch and should fetch a new snapshot
 * @param generation how often the sandbox's simulation was replaced (reset, preset,
 * manifests); a change means the client must fetch a new snapshot
 * @param simTime the simulated time after the tick, in microseconds
 * @param tickWallTime the wall-clock time the tick started, in epoch milliseconds (for
 * latency measurement)
 * @param events the events, in order, at most the configured number
 * @param missed the events beyond that number, counted by type
 */
public record EventBatch(long seq, long generation, long simTime, long tickWallTime, List<SimulationEvent> events,
		Map<String, Integer> missed) {

	public EventBatch {
		events = List.copyOf(events);
		missed = Map.copyOf(missed);
	}

}
