package io.trafficlab.engine.simulation;

import io.trafficlab.engine.balancer.Citation;
import org.jspecify.annotations.Nullable;

/**
 * A figure the engine uses, as the canvas and panels show it, with where it comes from.
 *
 * @param topic what it belongs to (a load balancer, kube-proxy, the node controller…)
 * @param name what the figure is
 * @param value its value as the engine uses it
 * @param source its upstream source; {@code null} for a choice of the sandbox's own,
 * which {@code note} then explains
 * @param note what the engine makes of it, or why it has no upstream source; may be empty
 */
public record CitedFigure(String topic, String name, String value, @Nullable Citation source, String note) {

}
