package io.trafficlab.engine.scheduling;

import java.util.Map;

/**
 * A pod the scheduler knows to be on a node.
 *
 * @param namespace its namespace
 * @param labels its labels
 * @param node the node's index
 * @param terminating whether it has a deletion timestamp (spreading ignores terminating
 * pods)
 */
record PlacedPod(String namespace, Map<String, String> labels, int node, boolean terminating) {

}
