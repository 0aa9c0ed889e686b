package io.trafficlab.sandbox;

import io.trafficlab.engine.simulation.SimulationStatistics;

/**
 * A sandbox's statistics, labelled with the simulation generation they belong to.
 *
 * @param generation the simulation's generation (see {@link EventBatch#generation()})
 * @param statistics exact shares beside observed counters
 */
public record SandboxStatistics(long generation, SimulationStatistics statistics) {

}
