package io.trafficlab.engine.cluster;

import io.trafficlab.engine.model.Spelled;

/**
 * The workload kinds the sandbox expands into Pods.
 */
public enum WorkloadKind implements Spelled {

	DEPLOYMENT("Deployment"), REPLICA_SET("ReplicaSet"), STATEFUL_SET("StatefulSet"), DAEMON_SET("DaemonSet");

	private final String apiName;

	WorkloadKind(String apiName) {
		this.apiName = apiName;
	}

	/** The kind as the Kubernetes API spells it. */
	@Override
	public String apiName() {
		return this.apiName;
	}

}
