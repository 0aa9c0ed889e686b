package io.trafficlab.engine.simulation;

import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.ClusterLimitException;
import io.trafficlab.engine.model.Cluster;

/**
 * A live, steppable simulation of external traffic to one Service: clients, the cloud load balancer and its probes,
 * kube-proxy on every node with its sync delay, conntrack, and pods that start, serve and terminate. Not thread-safe;
 * owns no threads; never reads the wall clock: the caller advances simulated time.
 */
public final class Simulation {

	private Simulation() {
	}

	/**
	 * Starts a simulation of {@code declaration} at time 0, in its steady state (the LB's verdicts already match its
	 * probes, every kube-proxy in sync).
	 * @throws InvalidObjectException when the API server would reject an object
	 * @throws ClusterLimitException when the cluster is larger than a sandbox allows
	 * @throws IllegalArgumentException when the declaration has no Service to follow
	 */
	public static Simulation start(ClusterDeclaration declaration, SimulationSettings settings) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Simulated microseconds since start. */
	public long now() {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Applies a command at {@link #now()}.
	 * @throws IllegalArgumentException for an unknown pod or node or a bad value, with a clear message
	 * @throws InvalidObjectException when the API server rejects the change (R23)
	 */
	public void apply(SimulationCommand command) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Processes every event due at or before {@code timeMicros}, in order; afterwards {@link #now()} is
	 * {@code timeMicros}.
	 * @return how many events were processed (queue entries, whether or not the sink wants events)
	 */
	public int advanceTo(long timeMicros, EventSink sink) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Processes exactly the next event, if any; {@link #now()} jumps to it.
	 * @return whether there was an event
	 */
	public boolean step(EventSink sink) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The full current state, for a late joiner. */
	public SimulationSnapshot snapshot() {
		throw new UnsupportedOperationException("not yet");
	}

	/** The exact shares beside the observed counters. */
	public SimulationStatistics statistics() {
		throw new UnsupportedOperationException("not yet");
	}

	/** The current cluster as the API server stores it: exactly what {@code /api/v1/analyze} would see. */
	public Cluster cluster() {
		throw new UnsupportedOperationException("not yet");
	}

	/** The current state as manifests (for export and reset). */
	public ClusterDeclaration declaration() {
		throw new UnsupportedOperationException("not yet");
	}

}
