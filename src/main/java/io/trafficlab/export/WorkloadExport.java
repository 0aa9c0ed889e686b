package io.trafficlab.export;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.RolloutStrategy;
import org.jspecify.annotations.Nullable;

/**
 * A declared workload (Deployment, ReplicaSet, StatefulSet, DaemonSet) as its fabric8
 * object, with the current replica count.
 */
final class WorkloadExport {

	private WorkloadExport() {
	}

	/** The rollout strategy, or {@code null} (left out) when it is the default. */
	private static @Nullable DeploymentStrategy strategy(RolloutStrategy rollingUpdate) {
		if (rollingUpdate.equals(RolloutStrategy.DEFAULT)) {
			return null;
		}
		if (rollingUpdate.recreate()) {
			return new DeploymentStrategyBuilder().withType("Recreate").build();
		}
		return new DeploymentStrategyBuilder().withType("RollingUpdate")
			.withNewRollingUpdate()
			.withMaxSurge(intOrPercent(rollingUpdate.maxSurge()))
			.withMaxUnavailable(intOrPercent(rollingUpdate.maxUnavailable()))
			.endRollingUpdate()
			.build();
	}

	private static @Nullable IntOrString intOrPercent(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
	}

	static HasMetadata workload(DeclaredWorkload workload, Containers containers) {
		ObjectMeta metadata = new ObjectMetaBuilder().withNamespace(workload.namespace())
			.withName(workload.name())
			.withOwnerReferences(Metadata.owners(workload.owners()))
			.build();
		PodTemplateSpec template = new PodTemplateSpecBuilder().withNewMetadata()
			.withLabels(Metadata.sorted(workload.templateLabels()))
			.endMetadata()
			.withSpec(Scheduling.spec(workload.scheduling(), workload.shutdown(), containers))
			.build();
		var selector = Scheduling.selector(workload.selector());
		return switch (workload.kind()) {
			case DEPLOYMENT -> new DeploymentBuilder().withMetadata(metadata)
				.withNewSpec()
				.withReplicas(workload.replicas())
				.withSelector(selector)
				.withStrategy(strategy(workload.rolloutStrategy()))
				.withTemplate(template)
				.endSpec()
				.build();
			case REPLICA_SET -> new ReplicaSetBuilder().withMetadata(metadata)
				.withNewSpec()
				.withReplicas(workload.replicas())
				.withSelector(selector)
				.withTemplate(template)
				.endSpec()
				.build();
			case STATEFUL_SET -> new StatefulSetBuilder().withMetadata(metadata)
				.withNewSpec()
				.withReplicas(workload.replicas())
				.withSelector(selector)
				.withServiceName(workload.name())
				.withTemplate(template)
				.endSpec()
				.build();
			case DAEMON_SET -> new DaemonSetBuilder().withMetadata(metadata)
				.withNewSpec()
				.withSelector(selector)
				.withTemplate(template)
				.endSpec()
				.build();
		};
	}

}
