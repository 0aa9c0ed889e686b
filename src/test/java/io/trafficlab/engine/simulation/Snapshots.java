package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;

/**
 * A node or pod of a simulation's current snapshot by name, for the simulation tests.
 */
final class Snapshots {

	private Snapshots() {
	}

	static NodeState node(Simulation simulation, String name) {
		return simulation.snapshot()
			.nodes()
			.stream()
			.filter((node) -> node.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no node " + name));
	}

	static PodState pod(Simulation simulation, String name) {
		return simulation.snapshot()
			.pods()
			.stream()
			.filter((pod) -> pod.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no pod " + name));
	}

	/** The pods on {@code node}, in snapshot order. */
	static List<PodState> podsOn(Simulation simulation, String node) {
		return simulation.snapshot().pods().stream().filter((pod) -> node.equals(pod.node())).toList();
	}

}
