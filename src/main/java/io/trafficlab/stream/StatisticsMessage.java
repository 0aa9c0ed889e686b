package io.trafficlab.stream;

import io.trafficlab.engine.simulation.SimulationStatistics;

/**
 * What the statistics topic carries, a few times a second.
 *
 * @param generation the simulation's generation (a change means: fetch a new snapshot)
 * @param tickWallTime the wall-clock time of the tick that published it, epoch
 * milliseconds
 * @param paused whether the sandbox's clock stands still (no event tells: a room's
 * students learn it here)
 * @param speed simulated seconds per wall-clock second (likewise)
 * @param statistics exact shares beside observed counters
 */
record StatisticsMessage(long generation, long tickWallTime, boolean paused, double speed,
		SimulationStatistics statistics) {

}
