package io.trafficlab.engine.cluster;

/**
 * The workload kinds the sandbox expands into Pods.
 */
public enum WorkloadKind {

	DEPLOYMENT("Deployment"), REPLICA_SET("ReplicaSet"), STATEFUL_SET("StatefulSet"), DAEMON_SET("DaemonSet");

	private final String apiName;

	WorkloadKind(String apiName) {
		this.apiName = apiName;
	}

	/** The kind as the Kubernetes API spells it. */
	public String apiName() {
		return this.apiName;
	}

}
