/**
 * Reads Kubernetes manifests (YAML, JSON, lists, kubectl output) with fabric8's model and
 * turns them into the engine's declared objects.
 */
@NullMarked
package io.trafficlab.manifest;

import org.jspecify.annotations.NullMarked;
