package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.function.UnaryOperator;

import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;

/**
 * The worked example (3/1/0) under Cluster behind the default load balancer with one
 * client address, its settings changed as a test needs: for what pods see under each
 * network model and dataplane.
 */
final class SingleClientRuns {

	private SingleClientRuns() {
	}

	/** 1,000 connections a second, run unrecorded for 20 s. */
	static Simulation converged(String client, UnaryOperator<SimulationSettings> change) {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"),
				change.apply(Presets.settings(5).withConnectionsPerSecond(1_000).withClientIps(List.of(client))));
		simulation.advanceTo(20_000_000, EventSink.NONE);
		return simulation;
	}

	/**
	 * The first connection, of those routed until {@code until}, that entered another
	 * node than its pod's.
	 */
	static ConnectionRouted firstRemote(String client, UnaryOperator<SimulationSettings> change, long until) {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"),
				change.apply(Presets.settings(3).withClientIps(List.of(client))));
		return Recorder.until(simulation, until).first(ConnectionRouted.class, (c) -> !c.entryNode().equals(c.node()));
	}

}
