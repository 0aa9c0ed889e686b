/**
 * The cloud load balancer (R20): which nodes pass its health check and how it spreads new
 * connections over them.
 */
@NullMarked
package io.trafficlab.engine.balancer;

import org.jspecify.annotations.NullMarked;
