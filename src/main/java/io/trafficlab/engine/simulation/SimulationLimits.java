package io.trafficlab.engine.simulation;

/**
 * The limits of one simulation, the most any sandbox may be configured to allow, in one
 * place for the engine and the web layer. Commands and settings beyond them are refused
 * with an {@link IllegalArgumentException} whose message names the limit.
 */
public final class SimulationLimits {

	/** At most this many nodes in a sandbox. */
	public static final int MAX_NODES = 100;

	/** At most this many pods in a sandbox (replicas included). */
	public static final int MAX_PODS = 1_000;

	/** At most this many new connections per simulated second. */
	public static final double MAX_CONNECTIONS_PER_SECOND = 1_000;

	/** At most this many distinct external client addresses. */
	public static final int MAX_CLIENTS = 16;

	private SimulationLimits() {
	}

}
