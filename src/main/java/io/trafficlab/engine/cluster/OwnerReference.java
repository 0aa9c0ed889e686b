package io.trafficlab.engine.cluster;

import io.trafficlab.engine.model.Spelled;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code metadata.ownerReferences}.
 *
 * @param kind the owner's kind, e.g. {@code ReplicaSet}
 * @param name the owner's name (in the same namespace)
 */
public record OwnerReference(String kind, String name) {

	/** A reference to a workload of {@code kind}. */
	public static OwnerReference of(WorkloadKind kind, String name) {
		return new OwnerReference(kind.apiName(), name);
	}

	/** Whether the owner is a workload of {@code kind}. */
	public boolean is(WorkloadKind kind) {
		return kind.apiName().equals(this.kind);
	}

	/**
	 * The owner's workload kind, or {@code null} when it is no workload Traffic Lab
	 * expands.
	 */
	public @Nullable WorkloadKind workloadKind() {
		return Spelled.find(WorkloadKind.class, this.kind).orElse(null);
	}

}
