/**
 * The {@code /sources} page: every timing and load-balancer figure the canvas and panels
 * show, as the engine uses it ({@link io.trafficlab.engine.simulation.EngineFigures}),
 * with its upstream source. The playground's health and load-balancer panel and the
 * lesson and challenge pages link to it.
 */
@NullMarked
package io.trafficlab.sources;

import org.jspecify.annotations.NullMarked;
