package io.trafficlab.manifest;

import java.util.List;

import io.trafficlab.engine.model.Cluster;

/**
 * A cluster read from manifests, with warnings about what was ignored.
 *
 * @param cluster the complete cluster
 * @param warnings what was ignored or filled in, for people
 */
public record ImportedCluster(Cluster cluster, List<String> warnings) {

}
