package io.trafficlab.export;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredPodStatus;
import org.jspecify.annotations.Nullable;

/**
 * A declared Pod as a fabric8 Pod: pinned to its node, with its status (phase, IP, the
 * Ready condition).
 */
final class PodExport {

	private PodExport() {
	}

	static Pod pod(DeclaredPod pod, Containers containers) {
		return new PodBuilder().withNewMetadata()
			.withNamespace(pod.namespace())
			.withName(pod.name())
			.withLabels(Metadata.sorted(pod.labels()))
			.withDeletionTimestamp(pod.terminating() ? Metadata.DELETED_AT : null)
			.withOwnerReferences(Metadata.owners(pod.owners()))
			.endMetadata()
			.withSpec(Scheduling.spec(pod.scheduling(), pod.shutdown(), containers))
			.withStatus(status(pod.status()))
			.build();
	}

	private static @Nullable PodStatus status(@Nullable DeclaredPodStatus status) {
		if (status == null) {
			return null;
		}
		return new PodStatusBuilder().withPhase(status.phase())
			.withPodIP(status.podIp())
			.addNewCondition()
			.withType("Ready")
			.withStatus(status.ready() ? "True" : "False")
			.endCondition()
			.build();
	}

}
