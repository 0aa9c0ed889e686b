/**
 * Goals for lessons and challenges: conditions on a sandbox's state (never on the clicks
 * that led there), so every way of reaching the goal counts. A
 * {@link io.trafficlab.engine.goal.Condition} reads the exact analysis the statistics
 * carry ({@link io.trafficlab.engine.goal.GoalSubject}) and says whether it holds and
 * why, in words a learner can act on.
 */
@NullMarked
package io.trafficlab.engine.goal;

import org.jspecify.annotations.NullMarked;
