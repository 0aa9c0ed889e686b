/**
 * Immutable cluster objects as kube-proxy sees them: nodes, services, endpoints, pods,
 * and exact fractions.
 */
@NullMarked
package io.trafficlab.engine.model;

import org.jspecify.annotations.NullMarked;
