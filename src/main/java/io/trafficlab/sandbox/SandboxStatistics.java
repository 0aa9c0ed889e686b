package io.trafficlab.sandbox;

import io.trafficlab.engine.simulation.SimulationStatistics;

/**
 * A sandbox's statistics, labelled with the simulation generation they belong to, and how
 * its clock runs.
 *
 * @param generation the simulation's generation (see {@link EventBatch#generation()})
 * @param paused whether simulated time stands still
 * @param speed simulated seconds per wall-clock second
 * @param statistics exact shares beside observed counters
 */
public record SandboxStatistics(long generation, boolean paused, double speed, SimulationStatistics statistics) {

}
