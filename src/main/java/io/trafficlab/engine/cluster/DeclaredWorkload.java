package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.scheduling.LabelSelector;

import org.jspecify.annotations.Nullable;

/**
 * A Deployment, ReplicaSet, StatefulSet or DaemonSet as written in a manifest.
 *
 * @param kind the kind
 * @param namespace its namespace
 * @param name {@code metadata.name}
 * @param replicas {@code spec.replicas} ({@code null} means 1; ignored for DaemonSets)
 * @param selector {@code spec.selector}, or {@code null} when missing (the API server
 * rejects that)
 * @param templateLabels {@code spec.template.metadata.labels}
 * @param scheduling the scheduling part of the pod template
 * @param owners {@code metadata.ownerReferences} (a ReplicaSet's Deployment)
 */
public record DeclaredWorkload(WorkloadKind kind, String namespace, String name, @Nullable Integer replicas,
		@Nullable LabelSelector selector, Map<String, String> templateLabels, PodScheduling scheduling,
		List<OwnerReference> owners) {

	public DeclaredWorkload {
		templateLabels = Map.copyOf(templateLabels);
		owners = List.copyOf(owners);
	}

	/** {@code spec.replicas}, defaulted to 1. */
	public int replicaCount() {
		return (this.replicas != null) ? this.replicas : 1;
	}

	/** {@code Deployment default/web}. */
	public String describe() {
		return this.kind.apiName() + " " + this.namespace + "/" + this.name;
	}

}
