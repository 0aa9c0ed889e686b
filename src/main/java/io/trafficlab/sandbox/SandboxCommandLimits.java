package io.trafficlab.sandbox;

import java.util.Locale;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;

/**
 * The size and rate limits of one sandbox, stricter than (or equal to) the engine's own,
 * each refusal naming the limit.
 *
 * @param maxNodes the most nodes
 * @param maxPods the most pods
 * @param maxClientRate the most new connections per simulated second
 */
record SandboxCommandLimits(int maxNodes, int maxPods, double maxClientRate) {

	static SandboxCommandLimits of(SandboxProperties properties) {
		return new SandboxCommandLimits(properties.maxNodes(), properties.maxPods(), properties.maxClientRate());
	}

	/** Refuses a command that would take the sandbox beyond its limits. */
	void check(SimulationCommand command, Simulation simulation) {
		if (command instanceof SimulationCommand.AddNode) {
			int nodes = simulation.cluster().nodes().size();
			if (nodes >= this.maxNodes) {
				throw SandboxRequestException.unprocessable(String.format(Locale.ROOT,
						"A sandbox holds at most %d nodes, and this one has %d. Remove a node first.", this.maxNodes,
						nodes));
			}
		}
		else if (command instanceof SimulationCommand.ScaleReplicas scale) {
			long barePods = simulation.snapshot().pods().stream().filter((pod) -> pod.workload() == null).count();
			if (scale.replicas() < 0 || barePods + scale.replicas() > this.maxPods) {
				throw SandboxRequestException.badValue(String.format(Locale.ROOT,
						"Query parameter 'count' must be between 0 and %d: a sandbox holds at most %d pods%s (got %d).",
						this.maxPods - barePods, this.maxPods,
						(barePods > 0) ? ", " + barePods + " of them bare pods" : "", scale.replicas()));
			}
		}
		else if (command instanceof SimulationCommand.SetClientRate rate) {
			checkClientRate(rate.connectionsPerSecond());
		}
	}

	void checkClientRate(double perSecond) {
		if (!(perSecond >= 0 && perSecond <= this.maxClientRate)) {
			throw SandboxRequestException.badValue(String.format(Locale.ROOT,
					"Query parameter 'perSecond' must be between 0 and %s new connections per second (got %s).",
					format(this.maxClientRate), format(perSecond)));
		}
	}

	/**
	 * Refuses a declaration that is obviously too large, before a simulation is started
	 * for it.
	 */
	void checkDeclared(ClusterDeclaration declaration) {
		checkNodes(declaration.nodes().size());
		long pods = declaration.pods().size();
		for (DeclaredWorkload workload : declaration.workloads()) {
			pods += (workload.kind() == WorkloadKind.DAEMON_SET) ? Math.max(1, declaration.nodes().size())
					: workload.replicaCount();
		}
		checkPods(pods);
	}

	/** Refuses a started cluster beyond the limits. */
	void checkStarted(Cluster cluster) {
		checkNodes(cluster.nodes().size());
		checkPods(cluster.pods().size());
	}

	private void checkNodes(long nodes) {
		if (nodes > this.maxNodes) {
			throw SandboxRequestException.unprocessable(String.format(Locale.ROOT,
					"The cluster has %d nodes; a sandbox holds at most %d nodes.", nodes, this.maxNodes));
		}
	}

	private void checkPods(long pods) {
		if (pods > this.maxPods) {
			throw SandboxRequestException.unprocessable(String.format(Locale.ROOT,
					"The cluster has %d pods; a sandbox holds at most %d pods.", pods, this.maxPods));
		}
	}

	private static String format(double value) {
		return (value == Math.rint(value) && !Double.isInfinite(value)) ? String.valueOf((long) value)
				: String.valueOf(value);
	}

}
