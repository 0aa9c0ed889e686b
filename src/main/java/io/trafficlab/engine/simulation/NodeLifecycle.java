package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.simulation.SimulationEvent.NodeDied;
import io.trafficlab.engine.simulation.SimulationEvent.NodeNotReady;
import io.trafficlab.engine.simulation.SimulationEvent.PodEvicted;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;

/**
 * What a real cluster does when a node dies without warning. The Node object and its pods
 * stay in the API; only the machine is gone. The node lifecycle controller notices once
 * the node's heartbeats are older than {@code --node-monitor-grace-period}: it sets Ready
 * to Unknown, taints the node {@code node.kubernetes.io/unreachable} (NoExecute and
 * NoSchedule) and marks its pods NotReady ({@code MarkPodsNotReady}), so the
 * EndpointSlice controller publishes their endpoints as not ready and not serving and
 * every kube-proxy drops them at its next sync. Until then they are Ready endpoints on a
 * dead machine. The taint eviction controller deletes each pod once its toleration for
 * the taint runs out ({@code tolerationSeconds: 300}, added by the
 * DefaultTolerationSeconds admission plugin; DaemonSet pods tolerate it forever); the
 * owner then creates a replacement, but the evicted pod stays Terminating, since no
 * kubelet confirms its end, until the Node is deleted and pod GC removes it.
 */
final class NodeLifecycle {

	/**
	 * {@code --node-monitor-grace-period}: 50 s since Kubernetes 1.32 (40 s before). The
	 * real delay is 40–55 s (counted from the last heartbeat, checked every 5 s); the
	 * sandbox uses the grace period itself.
	 */
	static final long NODE_MONITOR_GRACE_MICROS = 50_000_000L;

	/**
	 * The DefaultTolerationSeconds admission plugin's {@code tolerationSeconds} for the
	 * unreachable taint.
	 */
	static final long UNREACHABLE_TOLERATION_MICROS = 300_000_000L;

	static final String UNREACHABLE_TAINT_KEY = "node.kubernetes.io/unreachable";

	private final Core core;

	private final Lifecycle lifecycle;

	NodeLifecycle(Core core, Lifecycle lifecycle) {
		this.core = core;
		this.lifecycle = lifecycle;
	}

	/**
	 * The machine dies: nothing on it answers, its kube-proxy stops syncing; the API
	 * still shows it Ready.
	 */
	void kill(SimNode node) {
		node.killed = true;
		node.goneAt = this.core.now();
		for (SimPod pod : podsOn(node)) {
			if (!pod.exited) {
				// no kubelet runs its shutdown now: the node controller ends its serving
				pod.stopsServingAt = -1;
			}
		}
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new NodeDied(this.core.now(), node.name, node.name + " died: its pods stay Ready "
					+ "endpoints until the node controller marks them NotReady, " + seconds(NODE_MONITOR_GRACE_MICROS)
					+ " later (node-monitor-grace-period); connections "
					+ "other nodes send there meanwhile time out, and the load balancer notices through failing "
					+ "probes"));
		}
		this.core.balancer.nodeKilled(node);
		this.core.traffic.reset(null, node, node.name + " died");
		this.core.loop.scheduleIn(NODE_MONITOR_GRACE_MICROS, Core.NODE_NOT_READY, node.id);
	}

	/**
	 * The grace period is over: Ready becomes Unknown, the node is tainted and its pods
	 * are marked NotReady.
	 */
	void notReady(int nodeId) {
		SimNode node = this.core.world.nodes.get(nodeId);
		if (!node.killed || !node.inCluster) {
			return;
		}
		taintUnreachable(node);
		node.readyUnknown = true;
		List<String> marked = new ArrayList<>();
		for (SimPod pod : podsOn(node)) {
			if (pod.status == PodStatus.STARTING || pod.status == PodStatus.READY) {
				pod.status = PodStatus.NOT_READY;
				pod.since = this.core.now();
				marked.add(pod.name);
			}
			// the Ready condition is False now, so the endpoint is not serving either,
			// even once it terminates
			pod.wasReady = false;
		}
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new NodeNotReady(this.core.now(), node.name, marked, "no heartbeat from " + node.name
					+ " for " + seconds(NODE_MONITOR_GRACE_MICROS) + " (node-monitor-grace-period): the "
					+ "node controller sets Ready to Unknown, taints it " + UNREACHABLE_TAINT_KEY + " (NoExecute, "
					+ "NoSchedule) and marks its pods NotReady, so their endpoints are no longer ready or serving; "
					+ "the pods are evicted after their " + seconds(UNREACHABLE_TOLERATION_MICROS)
					+ " toleration (speed the sandbox up to watch it)"));
		}
		this.core.changed(true);
		this.core.balancer.reconcile(node, node.name + "'s Ready condition is Unknown; the AWS Load Balancer "
				+ "Controller deregisters it (it registers only nodes whose Ready is True)");
		this.core.loop.scheduleIn(UNREACHABLE_TOLERATION_MICROS, Core.TAINT_EVICTION, node.id);
	}

	/**
	 * The pods' toleration of the unreachable taint ran out: the taint eviction
	 * controller deletes them.
	 */
	void evict(int nodeId) {
		SimNode node = this.core.world.nodes.get(nodeId);
		if (!node.killed || !node.inCluster) {
			return;
		}
		Set<SimWorkload> owners = new LinkedHashSet<>();
		for (SimPod pod : podsOn(node)) {
			boolean daemon = pod.workload != null && pod.workload.kind() == WorkloadKind.DAEMON_SET;
			if (daemon || pod.status == PodStatus.TERMINATING) {
				continue;
			}
			pod.status = PodStatus.TERMINATING;
			pod.since = this.core.now();
			if (this.core.emitter.wants()) {
				this.core.emitter.emit(new PodEvicted(this.core.now(), pod.name, node.name,
						"its toleration of " + UNREACHABLE_TAINT_KEY + ":NoExecute ("
								+ seconds(UNREACHABLE_TOLERATION_MICROS)
								+ ") ran out; it stays Terminating, since no kubelet on " + node.name
								+ " confirms its end, " + "until the node is deleted"));
			}
			if (pod.workload != null) {
				owners.add(pod.workload);
			}
		}
		this.core.changed(true);
		for (SimWorkload owner : owners) {
			this.lifecycle.reconcile(owner, null, "replaces the pods evicted from unreachable " + node.name);
		}
	}

	/**
	 * The dead node's Node object is deleted: pod GC deletes the pods bound to it, and it
	 * leaves the cluster.
	 */
	void delete(SimNode node) {
		String reason = "pod GC: its node " + node.name + " was deleted";
		Set<SimWorkload> owners = new LinkedHashSet<>();
		for (SimPod pod : podsOn(node)) {
			this.lifecycle.remove(pod, reason, false);
			boolean daemon = pod.workload != null && pod.workload.kind() == WorkloadKind.DAEMON_SET;
			if (pod.workload != null && !daemon) {
				owners.add(pod.workload);
			}
		}
		node.removing = true;
		this.lifecycle.finishRemovalIfEmpty(node);
		for (SimWorkload owner : owners) {
			this.lifecycle.reconcile(owner, null, "replaces the pods lost with " + node.name);
		}
		this.lifecycle.retryPending();
	}

	private void taintUnreachable(SimNode node) {
		DeclaredNode d = node.declared;
		List<Taint> taints = new ArrayList<>(d.taints());
		taints.add(new Taint(UNREACHABLE_TAINT_KEY, null, "NoExecute"));
		taints.add(new Taint(UNREACHABLE_TAINT_KEY, null, "NoSchedule"));
		node.declared = new DeclaredNode(d.name(), d.labels(), d.annotations(), d.internalIp(), d.podCidr(), taints,
				d.deleting(), d.unschedulable());
	}

	private List<SimPod> podsOn(SimNode node) {
		List<SimPod> pods = new ArrayList<>();
		for (SimPod pod : this.core.world.livePods()) {
			if (pod.node == node) {
				pods.add(pod);
			}
		}
		return pods;
	}

	/**
	 * Why a connection to an endpoint on a dead node is lost: the DNAT is current, the
	 * machine behind it is not.
	 */
	static String deadEndpointSentence(SimNode entry, SimPod pod) {
		SimNode dead = pod.node;
		String deadName = (dead != null) ? dead.name : "?";
		String since = (dead != null) ? Times.format(dead.goneAt) : "?";
		return "kube-proxy on " + entry.name + " DNATs to " + pod.name + " (" + pod.ip + ") on " + deadName
				+ ", which died at " + since + ": the pod's node is dead; its endpoint is still Ready until the node "
				+ "controller marks it NotReady after " + seconds(NODE_MONITOR_GRACE_MICROS)
				+ " (node-monitor-grace-period), so the packet goes to a dead host and the client times out";
	}

	private static String seconds(long micros) {
		return (micros / 1_000_000) + " s";
	}

}
