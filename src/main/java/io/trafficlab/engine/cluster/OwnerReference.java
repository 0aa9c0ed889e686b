package io.trafficlab.engine.cluster;

/**
 * One entry of {@code metadata.ownerReferences}.
 *
 * @param kind the owner's kind, e.g. {@code ReplicaSet}
 * @param name the owner's name (in the same namespace)
 */
public record OwnerReference(String kind, String name) {

}
