package io.trafficlab.engine.simulation;

import io.trafficlab.engine.rules.NodeRules;

/**
 * The rules a node's kube-proxy has programmed, as of its last sync.
 *
 * @param rules the text and chains, written for the cluster as that sync saw it
 * @param generation the sync's number: it changes with every sync of any node, so a new
 * value for the same node means its rules may have changed
 * @param syncedAt when the sync ran, in simulated microseconds
 */
public record SyncedRules(NodeRules rules, long generation, long syncedAt) {
}
