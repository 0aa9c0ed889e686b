package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Pod as written in a manifest. A Pod without {@code status} is one a user wrote: it is
 * scheduled if it has no {@code nodeName} and counts as Ready once placed. A Pod with
 * {@code status} was observed in a cluster and is taken as it is (no node means Pending).
 *
 * @param namespace its namespace
 * @param name {@code metadata.name}
 * @param labels {@code metadata.labels}
 * @param scheduling the scheduling part of its spec
 * @param status its status, or {@code null} when the manifest has none
 * @param terminating whether {@code metadata.deletionTimestamp} is set
 * @param owners {@code metadata.ownerReferences}
 * @param shutdown how it shuts down when deleted (grace period, preStop, the app on
 * SIGTERM)
 */
public record DeclaredPod(String namespace, String name, Map<String, String> labels, PodScheduling scheduling,
		@Nullable DeclaredPodStatus status, boolean terminating, List<OwnerReference> owners, PodShutdown shutdown) {

	public DeclaredPod {
		labels = Map.copyOf(labels);
		owners = List.copyOf(owners);
		Objects.requireNonNull(shutdown, "shutdown");
	}

	/**
	 * A pod that declares nothing about its shutdown ({@link PodShutdown#UNDECLARED}).
	 */
	public DeclaredPod(String namespace, String name, Map<String, String> labels, PodScheduling scheduling,
			@Nullable DeclaredPodStatus status, boolean terminating, List<OwnerReference> owners) {
		this(namespace, name, labels, scheduling, status, terminating, owners, PodShutdown.UNDECLARED);
	}

	/** This pod with another shutdown. */
	public DeclaredPod withShutdown(PodShutdown shutdown) {
		return new DeclaredPod(this.namespace, this.name, this.labels, this.scheduling, this.status, this.terminating,
				this.owners, shutdown);
	}

	/** A hand-written pod bound to a node, without status. */
	public static DeclaredPod on(String namespace, String name, Map<String, String> labels, String nodeName) {
		return new DeclaredPod(namespace, name, labels, PodScheduling.on(nodeName), null, false, List.of());
	}

}
