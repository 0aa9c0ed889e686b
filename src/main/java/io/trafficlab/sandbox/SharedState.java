package io.trafficlab.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * Everything a permalink carries: the cluster as manifests (its placement, Service and
 * policy included) and the settings that make the run the same.
 *
 * @param manifests the cluster as Kubernetes YAML
 * ({@link io.trafficlab.export.ManifestExporter})
 * @param preset the preset the shared sandbox started from, or {@code null}
 * @param seed the random seed
 * @param lb the load-balancer model, {@code even} or {@code weighted}
 * @param rate new connections per simulated second
 * @param speed simulated seconds per wall-clock second
 */
record SharedState(String manifests, @Nullable String preset, long seed, String lb, double rate, double speed) {

}
