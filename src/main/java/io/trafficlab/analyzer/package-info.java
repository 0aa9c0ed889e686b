/**
 * The {@code /analyze} page: paste manifests or pick an example, see every Service's
 * per-node health checks and per-pod share of external traffic, and trace single packets;
 * full page and htmx fragments.
 */
@NullMarked
package io.trafficlab.analyzer;

import org.jspecify.annotations.NullMarked;
