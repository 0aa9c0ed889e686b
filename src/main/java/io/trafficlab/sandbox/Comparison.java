package io.trafficlab.sandbox;

import java.util.List;

import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;

/**
 * Two sandboxes compared side by side: the same cluster, seed and clock, the left under
 * {@code Cluster} and the right under {@code Local}. Every command to either side applies
 * to both under both locks, always taken left first, or to neither.
 *
 * @param left the sandbox the comparison was started from, under {@code Cluster}
 * @param right the sandbox started for it, under {@code Local}
 */
record Comparison(Sandbox left, Sandbox right) {

	/** Both sides, in the order their locks are taken. */
	List<Sandbox> sides() {
		return List.of(this.left, this.right);
	}

	Sandbox other(Sandbox side) {
		return (side == this.left) ? this.right : this.left;
	}

	/**
	 * Gives a side's new simulation its policy; every start (reset, preset, manifests)
	 * goes through here.
	 */
	void setUp(Sandbox side, Simulation simulation) {
		TrafficPolicy policy = (side == this.left) ? TrafficPolicy.CLUSTER : TrafficPolicy.LOCAL;
		simulation.apply(new SimulationCommand.SetExternalTrafficPolicy(policy));
	}

	/**
	 * The commands a comparison refuses: the policy is what it compares, and an edited
	 * Service would carry one policy to both sides.
	 */
	void refuse(SimulationCommand command) {
		if (command instanceof SimulationCommand.UpdateService) {
			throw SandboxRequestException.conflict("This sandbox is compared with another: the left side runs Cluster "
					+ "and the right side Local, and an edited Service would give both one policy. Leave compare "
					+ "mode (DELETE .../comparison) to edit the Service.");
		}
		if (command instanceof SimulationCommand.SetExternalTrafficPolicy) {
			throw SandboxRequestException.conflict("This sandbox is compared with another: the left side runs Cluster "
					+ "and the right side Local. Leave compare mode (DELETE .../comparison) to change "
					+ "externalTrafficPolicy.");
		}
	}

}
