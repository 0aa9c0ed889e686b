/**
 * Whole-cluster analysis: exact per-node and per-endpoint shares of external traffic,
 * built from the other engine packages.
 */
@NullMarked
package io.trafficlab.engine.analysis;

import org.jspecify.annotations.NullMarked;
