package io.trafficlab.export;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.trafficlab.engine.cluster.DeclaredNode;
import org.jspecify.annotations.Nullable;

/**
 * A declared Node as a fabric8 Node.
 */
final class NodeExport {

	private NodeExport() {
	}

	static Node node(DeclaredNode node) {
		return new NodeBuilder().withNewMetadata()
			.withName(node.name())
			.withLabels(Metadata.sorted(node.labels()))
			.withAnnotations(Metadata.sorted(node.annotations()))
			.withDeletionTimestamp(node.deleting() ? Metadata.DELETED_AT : null)
			.endMetadata()
			.withNewSpec()
			.withPodCIDR(node.podCidr())
			.withUnschedulable(node.unschedulable() ? Boolean.TRUE : null)
			.withTaints(node.taints()
				.stream()
				.map((taint) -> new TaintBuilder().withKey(taint.key())
					.withValue(taint.value())
					.withEffect(taint.effect())
					.build())
				.toList())
			.endSpec()
			.withStatus(status(node.internalIp()))
			.build();
	}

	private static @Nullable NodeStatus status(@Nullable String internalIp) {
		if (internalIp == null) {
			return null;
		}
		return new NodeStatusBuilder().addNewAddress()
			.withType("InternalIP")
			.withAddress(internalIp)
			.endAddress()
			.build();
	}

}
