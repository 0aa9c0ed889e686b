/**
 * A deterministic scheduler that places workload replicas on nodes: nodeName,
 * nodeSelector, taints and tolerations, topologySpreadConstraints.
 */
@NullMarked
package io.trafficlab.engine.scheduling;

import org.jspecify.annotations.NullMarked;
