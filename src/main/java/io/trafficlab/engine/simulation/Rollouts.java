package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.cluster.RolloutStrategy;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;

/**
 * A Deployment's rolling update as its controller runs it ({@code rolloutRolling} in
 * {@code pkg/controller/deployment/rolling.go}): the new ReplicaSet grows while all pods
 * stay within {@code replicas + maxSurge} ({@code NewRSNewReplicas}), and old pods are
 * deleted only while at least {@code replicas - maxUnavailable} stay available
 * ({@code reconcileOldReplicaSets}: the old ReplicaSets' not-Ready pods first, then Ready
 * ones). With {@code minReadySeconds} 0 a pod is available once it is Ready. Counts are
 * the ReplicaSets' replicas, which terminating pods no longer are part of. Each deleted
 * pod shuts down as its own spec says.
 */
final class Rollouts {

	private final Lifecycle lifecycle;

	Rollouts(Lifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	/** Starts a rollout to a new ReplicaSet with the given template hash. */
	void restart(SimWorkload deployment, String templateHash) {
		deployment.newReplicaSet(templateHash);
		progress(deployment);
	}

	/**
	 * One sync of the Deployment controller, repeated while it changes something (each
	 * change triggers the next sync at once).
	 */
	void progress(SimWorkload deployment) {
		if (!deployment.rollingOut) {
			return;
		}
		RolloutStrategy strategy = deployment.declared.rolloutStrategy();
		if (strategy.recreate()) {
			recreate(deployment);
			return;
		}
		int replicas = deployment.replicas;
		int surge = strategy.surge(replicas);
		int unavailable = strategy.unavailable(replicas);
		String strategyText = "maxSurge " + surge + ", maxUnavailable " + unavailable;
		boolean changed = true;
		while (changed) {
			List<SimPod> fresh = new ArrayList<>();
			List<SimPod> old = new ArrayList<>();
			for (SimPod pod : this.lifecycle.activePods(deployment)) {
				(deployment.current(pod) ? fresh : old).add(pod);
			}
			if (old.isEmpty() && fresh.size() >= replicas) {
				deployment.rollingOut = false;
				return;
			}
			changed = scaleUp(deployment, fresh.size(), old.size(), replicas + surge, strategyText)
					|| scaleDown(deployment, fresh, old, replicas - unavailable, strategyText);
		}
	}

	/**
	 * {@code rolloutRecreate} ({@code recreate.go}): every old pod is deleted at once,
	 * and the new ReplicaSet scales up only when none is left ({@code oldPodsRunning}: a
	 * terminating pod still runs until kubelet removes it).
	 */
	private void recreate(SimWorkload deployment) {
		boolean oldLeft = false;
		int fresh = 0;
		for (SimPod pod : this.lifecycle.presentPods(deployment)) {
			if (deployment.current(pod)) {
				fresh++;
				continue;
			}
			oldLeft = true;
			if (pod.status != PodStatus.TERMINATING) {
				this.lifecycle.terminate(pod, deployment.key() + " rollout (Recreate): the old ReplicaSet scaled "
						+ "to 0; the new one waits until every old pod is gone");
			}
		}
		if (oldLeft) {
			return;
		}
		if (fresh < deployment.replicas) {
			this.lifecycle.createReplicas(deployment, deployment.replicas - fresh, null,
					deployment.key() + " rollout (Recreate): every old pod is gone, so the new ReplicaSet "
							+ deployment.podPrefix + " scales up to " + deployment.replicas);
		}
		deployment.rollingOut = false;
	}

	/** {@code reconcileNewReplicaSet}: as many new pods as the surge allows. */
	private boolean scaleUp(SimWorkload deployment, int fresh, int old, int maxTotal, String strategy) {
		int count = Math.min(maxTotal - fresh - old, deployment.replicas - fresh);
		if (count <= 0) {
			return false;
		}
		this.lifecycle.createReplicas(deployment, count, null,
				deployment.key() + " rollout: new ReplicaSet " + deployment.podPrefix + " scaled up to "
						+ (fresh + count) + " of " + deployment.replicas + " (at most " + maxTotal + " pods: "
						+ strategy + ")");
		return true;
	}

	/**
	 * {@code reconcileOldReplicaSets}: {@code cleanupUnhealthyReplicas}, then
	 * {@code scaleDownOldReplicaSetsForRollingUpdate}.
	 */
	private boolean scaleDown(SimWorkload deployment, List<SimPod> fresh, List<SimPod> old, int minAvailable,
			String strategy) {
		if (old.isEmpty()) {
			return false;
		}
		int freshUnavailable = fresh.size() - ready(fresh);
		int maxScaledDown = fresh.size() + old.size() - minAvailable - freshUnavailable;
		if (maxScaledDown <= 0) {
			return false;
		}
		List<SimPod> unhealthy = new ArrayList<>();
		for (SimPod pod : old) {
			if (pod.status != PodStatus.READY) {
				unhealthy.add(pod);
			}
		}
		int cleanup = Math.min(maxScaledDown, unhealthy.size());
		String why = deployment.key() + " rollout: an old ReplicaSet scaled down";
		for (SimPod pod : Commands.victims(deployment, unhealthy, cleanup)) {
			this.lifecycle.terminate(pod, why + " (its not-Ready pods go first; " + strategy + ")");
		}
		List<SimPod> remaining = new ArrayList<>(old);
		remaining.removeIf((pod) -> pod.status == PodStatus.TERMINATING || pod.deleted);
		int available = ready(fresh) + ready(remaining);
		int count = Math.min(available - minAvailable, remaining.size());
		if (count > 0) {
			for (SimPod pod : Commands.victims(deployment, remaining, count)) {
				this.lifecycle.terminate(pod, why + " (" + available + " pods Ready, at least " + minAvailable
						+ " must stay available; " + strategy + ")");
			}
		}
		return cleanup > 0 || count > 0;
	}

	private static int ready(List<SimPod> pods) {
		int ready = 0;
		for (SimPod pod : pods) {
			ready += (pod.status == PodStatus.READY) ? 1 : 0;
		}
		return ready;
	}

}
