/**
 * Assembles a complete Cluster from declared objects, filling in what a real cluster
 * would (addresses, CIDRs, endpoints), deterministically.
 */
@NullMarked
package io.trafficlab.engine.cluster;

import org.jspecify.annotations.NullMarked;
