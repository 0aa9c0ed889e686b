package io.trafficlab.sandbox;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.simulation.SimulationSettings;
import org.jspecify.annotations.Nullable;

/**
 * What a sandbox's simulation starts from, kept for reset.
 *
 * @param declaration the cluster as declared
 * @param settings the settings, seed included
 * @param preset the preset's name, or {@code null} for pasted manifests
 */
record SandboxSource(ClusterDeclaration declaration, SimulationSettings settings, @Nullable String preset) {

}
