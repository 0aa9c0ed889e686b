package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.function.Function;

import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;

/**
 * A node or pod of a simulation's current snapshot by name, for the simulation tests.
 */
final class Snapshots {

	private Snapshots() {
	}

	static NodeState node(Simulation simulation, String name) {
		return named(simulation.snapshot().nodes(), NodeState::name, "node", name);
	}

	static PodState pod(Simulation simulation, String name) {
		return named(simulation.snapshot().pods(), PodState::name, "pod", name);
	}

	/** The pods on {@code node}, in snapshot order. */
	static List<PodState> podsOn(Simulation simulation, String node) {
		return simulation.snapshot().pods().stream().filter((pod) -> node.equals(pod.node())).toList();
	}

	private static <T> T named(List<T> all, Function<T, String> nameOf, String kind, String name) {
		return all.stream()
			.filter((item) -> nameOf.apply(item).equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name));
	}

}
