/**
 * Endpoint categorization per node (R2–R7): which endpoints a node's kube-proxy uses for
 * Cluster and Local traffic, and the hints the EndpointSlice controller writes.
 */
@NullMarked
package io.trafficlab.engine.endpoint;

import org.jspecify.annotations.NullMarked;
