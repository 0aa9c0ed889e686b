package io.trafficlab.engine.simulation;

import java.util.LinkedHashMap;
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
	/** The label a Deployment's ReplicaSet adds to its pods and selector. */
	static final String POD_TEMPLATE_HASH = "pod-template-hash";

	final DeclaredWorkload declared;

	/**
	 * A declared ReplicaSet that belongs to {@link #declared}, exported with the same
	 * replica count.
	 */
	final @Nullable DeclaredWorkload replicaSet;

	/**
	 * What new pods are named after: {@code web-7c5d9b8f4c} for a Deployment (its newest
	 * ReplicaSet), the name otherwise.
	 */
	String podPrefix;

	/**
	 * The labels of new pods (the template's, plus {@code pod-template-hash} for a
	 * Deployment).
	 */
	Map<String, String> podLabels;

	/** The owner reference new pods carry. */
	OwnerReference podOwner;

	int replicas;

	/**
	 * Whether a Deployment is rolling out: pods of older ReplicaSets remain (those whose
	 * labels are not {@link #podLabels}).
	 */
	boolean rollingOut;

	SimWorkload(DeclaredWorkload declared, @Nullable DeclaredWorkload replicaSet, String podPrefix,
			Map<String, String> podLabels, OwnerReference podOwner) {
		this.declared = declared;
		this.replicaSet = replicaSet;
		this.podPrefix = podPrefix;
		this.podLabels = Map.copyOf(podLabels);
		this.podOwner = podOwner;
		this.replicas = declared.replicaCount();
	}

	/**
	 * A Deployment's new ReplicaSet {@code <name>-<hash>}: new pods carry its name, its
	 * {@code pod-template-hash} and its owner reference, and a rollout starts.
	 */
	void newReplicaSet(String templateHash) {
		String name = this.declared.name() + "-" + templateHash;
		Map<String, String> labels = new LinkedHashMap<>(this.podLabels);
		labels.put(POD_TEMPLATE_HASH, templateHash);
		this.podPrefix = name;
		this.podLabels = Map.copyOf(labels);
		this.podOwner = OwnerReference.of(WorkloadKind.REPLICA_SET, name);
		this.rollingOut = true;
	}

	/**
	 * Whether a rollout replaced the declared ReplicaSet: new pods belong to another one.
	 */
	boolean rolledOut() {
		return this.replicaSet != null && !this.replicaSet.name().equals(this.podPrefix);
	}

	/** Whether the pod belongs to the newest template (for a Deployment, ReplicaSet). */
	boolean current(SimPod pod) {
		return pod.labels.equals(this.podLabels);
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
				workload.shutdown(), workload.rolloutStrategy());
	}

	@Override
	public String toString() {
		return key();
	}

}
