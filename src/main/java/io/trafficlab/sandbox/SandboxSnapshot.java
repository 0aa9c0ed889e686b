package io.trafficlab.sandbox;

import io.trafficlab.engine.simulation.SimulationSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * A sandbox's full state for a late joiner: draw {@code simulation}, then apply the
 * batches numbered after {@code seq}.
 *
 * @param id the sandbox id
 * @param generation the simulation's generation (see {@link EventBatch#generation()})
 * @param seq the number of the last batch whose events this snapshot already shows
 * @param paused whether simulated time stands still
 * @param speed simulated seconds per wall-clock second
 * @param preset the preset the simulation started from, or {@code null} for pasted
 * manifests
 * @param simulation the simulation's state
 * @param serviceYaml the followed Service as {@code kubectl get service -o yaml} shows it
 */
public record SandboxSnapshot(String id, long generation, long seq, boolean paused, double speed,
		@Nullable String preset, SimulationSnapshot simulation, String serviceYaml) {

	/**
	 * The same snapshot under another name: a classroom room shows its code, never the
	 * sandbox id.
	 */
	public SandboxSnapshot withId(String name) {
		return new SandboxSnapshot(name, this.generation, this.seq, this.paused, this.speed, this.preset,
				this.simulation, this.serviceYaml);
	}

}
