package io.trafficlab.engine.analysis;

import java.util.List;

/**
 * The analysis of every Service in a cluster.
 *
 * @param services one analysis per Service, in the cluster's order
 * @param warnings things a person should know (for example a Service with no endpoints)
 */
public record ClusterAnalysis(List<ServiceAnalysis> services, List<String> warnings) {

}
