/**
 * Teaching content as data: lessons and challenges are YAML files in the resources
 * (format: docs/lessons.md), read here into the engine's
 * {@link io.trafficlab.engine.goal.Goal}s and checked against live sandboxes.
 */
@NullMarked
package io.trafficlab.teaching;

import org.jspecify.annotations.NullMarked;
