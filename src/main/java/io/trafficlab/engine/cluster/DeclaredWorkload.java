package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param shutdown how its pods shut down when deleted (from the pod template)
 * @param rolloutStrategy a Deployment's {@code spec.strategy} (the defaults when it
 * declares none)
 */
public record DeclaredWorkload(WorkloadKind kind, String namespace, String name, @Nullable Integer replicas,
		@Nullable LabelSelector selector, Map<String, String> templateLabels, PodScheduling scheduling,
		List<OwnerReference> owners, PodShutdown shutdown, RolloutStrategy rolloutStrategy) {

	public DeclaredWorkload {
		templateLabels = Map.copyOf(templateLabels);
		owners = List.copyOf(owners);
		Objects.requireNonNull(shutdown, "shutdown");
		Objects.requireNonNull(rolloutStrategy, "rolloutStrategy");
	}

	/** A workload with the default rolling-update strategy. */
	public DeclaredWorkload(WorkloadKind kind, String namespace, String name, @Nullable Integer replicas,
			@Nullable LabelSelector selector, Map<String, String> templateLabels, PodScheduling scheduling,
			List<OwnerReference> owners, PodShutdown shutdown) {
		this(kind, namespace, name, replicas, selector, templateLabels, scheduling, owners, shutdown,
				RolloutStrategy.DEFAULT);
	}

	/** A workload whose template declares nothing about shutdown. */
	public DeclaredWorkload(WorkloadKind kind, String namespace, String name, @Nullable Integer replicas,
			@Nullable LabelSelector selector, Map<String, String> templateLabels, PodScheduling scheduling,
			List<OwnerReference> owners) {
		this(kind, namespace, name, replicas, selector, templateLabels, scheduling, owners, PodShutdown.UNDECLARED);
	}

	/** This workload with another pod-template shutdown. */
	public DeclaredWorkload withShutdown(PodShutdown shutdown) {
		return new DeclaredWorkload(this.kind, this.namespace, this.name, this.replicas, this.selector,
				this.templateLabels, this.scheduling, this.owners, shutdown, this.rolloutStrategy);
	}

	/** This workload with another rolling-update strategy. */
	public DeclaredWorkload withRolloutStrategy(RolloutStrategy rolloutStrategy) {
		return new DeclaredWorkload(this.kind, this.namespace, this.name, this.replicas, this.selector,
				this.templateLabels, this.scheduling, this.owners, this.shutdown, rolloutStrategy);
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
