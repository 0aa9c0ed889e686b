/**
 * Health checks (R16–R19): the per-Service healthCheckNodePort answer, byte for byte, and
 * kube-proxy's own /healthz and /livez.
 */
@NullMarked
package io.trafficlab.engine.health;

import org.jspecify.annotations.NullMarked;
