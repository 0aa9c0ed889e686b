/**
 * Writes a cluster declaration back out as Kubernetes manifests (fabric8's model, Jackson
 * YAML): what the playground exports and what its permalinks carry.
 */
@NullMarked
package io.trafficlab.export;

import org.jspecify.annotations.NullMarked;
