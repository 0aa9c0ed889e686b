package io.trafficlab.manifest;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.trafficlab.engine.cluster.WorkloadKind;

/**
 * The kinds the importer reads, with the one API version each is served at and fabric8's
 * class for it.
 */
enum ReadKind {

	NODE("Node", "v1", Node.class), SERVICE("Service", "v1", Service.class), POD("Pod", "v1", Pod.class),
	ENDPOINT_SLICE("EndpointSlice", "discovery.k8s.io/v1", EndpointSlice.class),
	DEPLOYMENT(WorkloadKind.DEPLOYMENT.apiName(), "apps/v1", Deployment.class),
	REPLICA_SET(WorkloadKind.REPLICA_SET.apiName(), "apps/v1", ReplicaSet.class),
	STATEFUL_SET(WorkloadKind.STATEFUL_SET.apiName(), "apps/v1", StatefulSet.class),
	DAEMON_SET(WorkloadKind.DAEMON_SET.apiName(), "apps/v1", DaemonSet.class);

	private final String kind;

	private final String apiVersion;

	private final Class<? extends HasMetadata> type;

	ReadKind(String kind, String apiVersion, Class<? extends HasMetadata> type) {
		this.kind = kind;
		this.apiVersion = apiVersion;
		this.type = type;
	}

	static Optional<ReadKind> of(String kind) {
		for (ReadKind candidate : values()) {
			if (candidate.kind.equals(kind)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	String kind() {
		return this.kind;
	}

	String apiVersion() {
		return this.apiVersion;
	}

	Class<? extends HasMetadata> type() {
		return this.type;
	}

}
