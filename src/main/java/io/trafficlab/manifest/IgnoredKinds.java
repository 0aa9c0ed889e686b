package io.trafficlab.manifest;

import java.util.Set;

/**
 * How to name and explain objects of kinds the importer does not read.
 */
final class IgnoredKinds {

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
			"PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass",
			"APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "CSIDriver", "CSINode",
			"RuntimeClass", "ComponentStatus", "VolumeAttachment", "CertificateSigningRequest");

	private IgnoredKinds() {
	}

	static boolean clusterScoped(String kind) {
		return CLUSTER_SCOPED.contains(kind);
	}

	static String reason(String kind) {
		if ("Endpoints".equals(kind)) {
			return "kube-proxy reads EndpointSlices, not Endpoints.";
		}
		return "Traffic Lab reads only Nodes, Services, EndpointSlices, Pods, Deployments, ReplicaSets, StatefulSets "
				+ "and DaemonSets.";
	}

}
