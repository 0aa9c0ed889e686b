package io.trafficlab.stream;

import io.trafficlab.engine.simulation.SimulationStatistics;

/**
 * What the statistics topic carries, a few times a second.
 *
 * @param generation the simulation's generation (a change means: fetch a new snapshot)
 * @param tickWallTime the wall-clock time of the tick that published it, epoch milliseconds
 * @param statistics exact shares beside observed counters
 */
record StatisticsMessage(long generation, long tickWallTime, SimulationStatistics statistics) {

}
