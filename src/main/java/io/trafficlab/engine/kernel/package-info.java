/**
 * The discrete-event core: a virtual clock, an event queue ordered by (time, sequence)
 * and a seeded random source. It knows nothing about Kubernetes;
 * {@code engine.simulation} builds the actors on top of it.
 */
@NullMarked
package io.trafficlab.engine.kernel;

import org.jspecify.annotations.NullMarked;
