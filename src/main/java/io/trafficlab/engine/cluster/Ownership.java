package io.trafficlab.engine.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.scheduling.LabelSelector;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code kubectl get all -o yaml} output from being counted twice: a ReplicaSet
 * owned by a declared Deployment is the Deployment's, and a workload whose pods are in
 * the manifests (found through their ownerReferences, directly or through a ReplicaSet,
 * declared or recognised by its {@code <deployment>-<hash>} name) is not expanded again.
 */
final class Ownership {

	private final Map<String, DeclaredWorkload> workloads = new HashMap<>();

	private final Set<String> skipped = new HashSet<>();

	Ownership(ClusterDeclaration declaration) {
		for (DeclaredWorkload workload : declaration.workloads()) {
			this.workloads.putIfAbsent(key(workload.kind(), workload.namespace(), workload.name()), workload);
		}
		for (DeclaredWorkload workload : declaration.workloads()) {
			if (workload.kind() == WorkloadKind.REPLICA_SET && owningDeployment(workload) != null) {
				this.skipped.add(key(workload));
			}
		}
		for (DeclaredPod pod : declaration.pods()) {
			for (OwnerReference owner : pod.owners()) {
				markOwner(pod, owner);
			}
		}
	}

	/** Whether the workload should be expanded into pods. */
	boolean expands(DeclaredWorkload workload) {
		return !this.skipped.contains(key(workload));
	}

	private void markOwner(DeclaredPod pod, OwnerReference owner) {
		String namespace = pod.namespace();
		WorkloadKind kind = owner.workloadKind();
		if (kind == null) {
			return;
		}
		switch (kind) {
			case REPLICA_SET -> {
				DeclaredWorkload replicaSet = this.workloads
					.get(key(WorkloadKind.REPLICA_SET, namespace, owner.name()));
				if (replicaSet != null) {
					this.skipped.add(key(replicaSet));
					DeclaredWorkload deployment = owningDeployment(replicaSet);
					if (deployment != null) {
						this.skipped.add(key(deployment));
					}
				}
				else {
					DeclaredWorkload deployment = deploymentByReplicaSetName(namespace, owner.name(), pod.labels());
					if (deployment != null) {
						this.skipped.add(key(deployment));
					}
				}
			}
			case STATEFUL_SET, DAEMON_SET -> this.skipped.add(key(kind, namespace, owner.name()));
			case DEPLOYMENT -> {
			}
		}
	}

	private @Nullable DeclaredWorkload owningDeployment(DeclaredWorkload replicaSet) {
		for (OwnerReference owner : replicaSet.owners()) {
			if (owner.is(WorkloadKind.DEPLOYMENT)) {
				DeclaredWorkload deployment = this.workloads
					.get(key(WorkloadKind.DEPLOYMENT, replicaSet.namespace(), owner.name()));
				if (deployment != null) {
					return deployment;
				}
			}
		}
		return null;
	}

	/**
	 * A declared Deployment whose ReplicaSet would be called {@code replicaSetName} and
	 * whose selector matches.
	 */
	private @Nullable DeclaredWorkload deploymentByReplicaSetName(String namespace, String replicaSetName,
			Map<String, String> podLabels) {
		int dash = replicaSetName.lastIndexOf('-');
		if (dash <= 0) {
			return null;
		}
		DeclaredWorkload deployment = this.workloads
			.get(key(WorkloadKind.DEPLOYMENT, namespace, replicaSetName.substring(0, dash)));
		if (deployment == null) {
			return null;
		}
		LabelSelector selector = deployment.selector();
		return (selector != null && selector.matches(podLabels)) ? deployment : null;
	}

	private static String key(DeclaredWorkload workload) {
		return key(workload.kind(), workload.namespace(), workload.name());
	}

	private static String key(WorkloadKind kind, String namespace, String name) {
		return kind + "/" + namespace + "/" + name;
	}

}
