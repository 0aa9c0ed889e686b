package io.trafficlab.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * What every sandbox command answers, in its {@code HX-Trigger} header: which command the
 * sandbox accepted and the sandbox just after it.
 *
 * @param command the command's id ({@link CommandId})
 * @param sandbox the sandbox's id
 * @param generation the simulation's generation: a new one after reset, a preset or
 * manifests, as on the stream
 * @param revision how many commands the sandbox has accepted, this one included: a later
 * answer has a larger revision
 * @param paused whether its clock stands still
 * @param speed simulated seconds per wall-clock second
 * @param simTime the simulated time just after the command, in microseconds: when it
 * paused the clock, batches up to this time were ticked before the pause and later ones
 * are steps
 * @param preset the preset it runs, or {@code null} for manifests
 * @param comparedWith the other sandbox of its comparison (which took the same command),
 * or {@code null}
 */
record CommandOutcome(String command, String sandbox, long generation, long revision, boolean paused, double speed,
		long simTime, @Nullable String preset, @Nullable String comparedWith) {

}
