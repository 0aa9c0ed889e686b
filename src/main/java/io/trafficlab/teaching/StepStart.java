package io.trafficlab.teaching;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationSettings;

/**
 * A step's sandbox state, resolved: the cluster to start and the settings to start it
 * with.
 *
 * @param declaration the cluster, overrides applied
 * @param settings the simulation's settings (seed, LB model, client rate)
 * @param speed the clock's speed
 * @param paused whether the clock starts paused
 */
public record StepStart(ClusterDeclaration declaration, SimulationSettings settings, double speed, boolean paused) {

	/** A simulation in this state at time 0, for tests and checks outside a sandbox. */
	public Simulation simulation() {
		return Simulation.start(this.declaration, this.settings);
	}

}
