package io.trafficlab.engine.simulation;

import java.util.Map;

import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.OwnerReference;
import io.trafficlab.engine.cluster.WorkloadKind;
import org.jspecify.annotations.Nullable;

/**
 * A workload that owns pods: a Deployment (with the ReplicaSet that actually owns its
 * pods), a ReplicaSet, a StatefulSet or a DaemonSet, and its current replica count.
 */
final class SimWorkload {

	/** The workload a person scales (a Deployment rather than its ReplicaSet). */
	final DeclaredWorkload declared;

	/**
	 * A declared ReplicaSet that belongs to {@link #declared}, exported with the same
	 * replica count.
	 */
	final @Nullable DeclaredWorkload replicaSet;

	/**
	 * What new pods are named after: {@code web-7c5d9b8f4c} for a Deployment, the name
	 * otherwise.
	 */
	final String podPrefix;

	/**
	 * The labels of new pods (the template's, plus {@code pod-template-hash} for a
	 * Deployment).
	 */
	final Map<String, String> podLabels;

	/** The owner reference new pods carry. */
	final OwnerReference podOwner;

	int replicas;

	SimWorkload(DeclaredWorkload declared, @Nullable DeclaredWorkload replicaSet, String podPrefix,
			Map<String, String> podLabels, OwnerReference podOwner) {
		this.declared = declared;
		this.replicaSet = replicaSet;
		this.podPrefix = podPrefix;
		this.podLabels = Map.copyOf(podLabels);
		this.podOwner = podOwner;
		this.replicas = declared.replicaCount();
	}

	WorkloadKind kind() {
		return this.declared.kind();
	}

	/** {@code Deployment/web}. */
	String key() {
		return this.declared.kind().apiName() + "/" + this.declared.name();
	}

	/** The declaration as exported, with the current replica count. */
	DeclaredWorkload exported(DeclaredWorkload workload) {
		if (workload.kind() == WorkloadKind.DAEMON_SET) {
			return workload;
		}
		return new DeclaredWorkload(workload.kind(), workload.namespace(), workload.name(), this.replicas,
				workload.selector(), workload.templateLabels(), workload.scheduling(), workload.owners(),
				workload.shutdown());
	}

	@Override
	public String toString() {
		return key();
	}

}
