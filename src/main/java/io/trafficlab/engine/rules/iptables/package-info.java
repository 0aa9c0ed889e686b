/**
 * kube-proxy's iptables proxier (modelled on Kubernetes v1.33/v1.34
 * {@code pkg/proxy/iptables}): the {@code iptables-restore} input it writes for a node,
 * in the shape upstream's {@code TestOverallIPTablesRules} compares, and a small
 * interpreter in the spirit of upstream's {@code iptablesTracer} that walks a packet
 * through it.
 */
@NullMarked
package io.trafficlab.engine.rules.iptables;

import org.jspecify.annotations.NullMarked;
