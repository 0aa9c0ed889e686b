package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.OwnerReference;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.scheduling.Placement;
import io.trafficlab.engine.scheduling.PodRequirements;
import io.trafficlab.engine.simulation.SimulationEvent.NodeCordoned;
import io.trafficlab.engine.simulation.SimulationEvent.NodeRemoved;
import io.trafficlab.engine.simulation.SimulationEvent.PodBecameReady;
import io.trafficlab.engine.simulation.SimulationEvent.PodDeleted;
import io.trafficlab.engine.simulation.SimulationEvent.PodScheduled;
import io.trafficlab.engine.simulation.SimulationEvent.PodStoppedServing;
import io.trafficlab.engine.simulation.SimulationEvent.PodTerminating;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;

/**
 * Pods and nodes over time, as kubelet, the controllers and kube-scheduler move them: a
 * pod is placed by the scheduler (or stays Pending), starts, becomes Ready after
 * {@code podStartupMicros}, and when deleted terminates as its own spec says
 * ({@link PodShutdown}): no longer Ready but serving (R4, R17) while its preStop hook and
 * its app's SIGTERM handling last, at most its grace period; then its app exits (its
 * endpoint stops serving, connections still on it are cut and new ones are refused) and
 * it is deleted once its last container has exited. Owners keep their replica count: a
 * Deployment's or ReplicaSet's replacement is created as soon as a pod starts
 * terminating, a StatefulSet's (same name) and a DaemonSet's once the old pod is gone. A
 * dead node's timeline is {@link NodeLifecycle}'s.
 */
final class Lifecycle {

	private final Core core;

	private final World world;

	/** StatefulSet pod names whose successor is bound to a node (a move). */
	private final Map<String, String> statefulPins = new HashMap<>();

	private final Rollouts rollouts;

	Lifecycle(Core core) {
		this.core = core;
		this.world = core.world;
		this.rollouts = new Rollouts(this);
	}

	/** {@code kubectl rollout restart}: the Deployment rolls out a new ReplicaSet. */
	void restart(SimWorkload deployment) {
		this.rollouts.restart(deployment, this.core.podFactory.templateHash());
	}

	/**
	 * At start: pods that are starting become Ready later; terminating ones (deleted just
	 * now, as far as the sandbox knows) follow their shutdown timeline.
	 */
	void begin() {
		for (SimPod pod : this.world.livePods()) {
			if (pod.status == PodStatus.STARTING) {
				this.core.loop.scheduleIn(this.core.settings.podStartupMicros(), Core.POD_READY, pod.slot);
			}
			else if (pod.status == PodStatus.TERMINATING && pod.node != null && !pod.node.killed) {
				PodShutdown.Timeline timeline = timeline(pod);
				pod.stopsServingAt = pod.wasReady ? this.core.now() + timeline.servingMicros() : -1;
				this.core.loop.scheduleIn(timeline.servingMicros(), Core.APP_EXIT, pod.slot);
				this.core.loop.scheduleIn(timeline.goneMicros(), Core.POD_DELETION, pod.slot);
			}
		}
	}

	/** The pod's shutdown timeline; the settings give the grace period its spec omits. */
	PodShutdown.Timeline timeline(SimPod pod) {
		return pod.shutdown.timeline(this.core.settings.terminationGraceMicros());
	}

	// pods

	/**
	 * Creates a pod, placed by the scheduler (or bound to {@code pinned}); it may stay
	 * Pending.
	 */
	SimPod create(@Nullable SimWorkload workload, String namespace, String name, String baseName,
			Map<String, String> labels, List<OwnerReference> owners, PodScheduling scheduling, PodShutdown shutdown,
			@Nullable String pinned, String why) {
		PodRequirements requirements = PodFactory.requirements(namespace, labels, scheduling, workload, pinned);
		Placement placement = this.core.podFactory.place(requirements, 1).get(0);
		return createPlaced(workload, namespace, name, baseName, labels, owners, scheduling, shutdown, pinned,
				placement, why);
	}

	/** Creates a pod where the scheduler already placed it. */
	private SimPod createPlaced(@Nullable SimWorkload workload, String namespace, String name, String baseName,
			Map<String, String> labels, List<OwnerReference> owners, PodScheduling scheduling, PodShutdown shutdown,
			@Nullable String pinned, Placement placement, String why) {
		PodScheduling kept = (pinned != null) ? new PodScheduling(pinned, scheduling.nodeSelector(),
				scheduling.tolerations(), scheduling.spreadConstraints()) : scheduling;
		SimPod pod = new SimPod(this.world.pods.size(), namespace, name, baseName, labels, workload, owners, kept,
				shutdown, WorldImport.backs(this.core.service(), namespace, labels), PodStatus.PENDING,
				this.core.now());
		this.world.addPod(pod);
		SimNode node = (placement.nodeName() != null) ? this.world.nodesByName.get(placement.nodeName()) : null;
		String reason = why;
		if (node != null && !bind(pod, node)) {
			reason = why + "; " + node.name + " has no free address in its pod CIDR " + node.model.podCidr()
					+ ", so it stays Pending";
		}
		else if (node == null) {
			reason = why + "; it stays Pending: " + placement.pendingReason();
		}
		emitScheduled(pod, reason);
		this.core.changed(true);
		return pod;
	}

	private boolean bind(SimPod pod, SimNode node) {
		String ip = this.core.podFactory.nextIp(node);
		if (ip == null) {
			return false;
		}
		pod.node = node;
		pod.ip = ip;
		pod.status = PodStatus.STARTING;
		pod.since = this.core.now();
		this.core.loop.scheduleIn(this.core.settings.podStartupMicros(), Core.POD_READY, pod.slot);
		return true;
	}

	private void emitScheduled(SimPod pod, String reason) {
		if (this.core.emitter.wants()) {
			this.core.emitter
				.emit(new PodScheduled(this.core.now(), pod.name, (pod.node != null) ? pod.node.name : null, pod.ip,
						(pod.workload != null) ? pod.workload.key() : null, reason));
		}
	}

	void ready(int slot) {
		SimPod pod = this.world.pods.get(slot);
		if (pod.deleted || pod.status != PodStatus.STARTING || pod.node == null || pod.node.killed) {
			return;
		}
		pod.status = PodStatus.READY;
		pod.wasReady = true;
		pod.since = this.core.now();
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new PodBecameReady(this.core.now(), pod.name, pod.node.name));
		}
		this.core.changed(true);
		if (pod.workload != null && pod.workload.rollingOut) {
			this.rollouts.progress(pod.workload);
		}
	}

	/**
	 * Starts a pod's graceful termination (a Pending pod, which never ran, is deleted at
	 * once). The caller lets the owner react ({@link #reconcile}).
	 */
	void terminate(SimPod pod, String reason) {
		if (pod.deleted || pod.status == PodStatus.TERMINATING) {
			return;
		}
		if (pod.status == PodStatus.PENDING || pod.node == null) {
			remove(pod, reason, false);
			return;
		}
		PodShutdown.Timeline timeline = timeline(pod);
		pod.status = PodStatus.TERMINATING;
		pod.since = this.core.now();
		// on a dead node no kubelet confirms the end, so the pod stays Terminating until
		// its node is deleted
		boolean ends = !pod.node.killed;
		pod.stopsServingAt = (ends && pod.wasReady) ? this.core.now() + timeline.servingMicros() : -1;
		if (ends) {
			this.core.loop.scheduleIn(timeline.servingMicros(), Core.APP_EXIT, pod.slot);
			this.core.loop.scheduleIn(timeline.goneMicros(), Core.POD_DELETION, pod.slot);
		}
		if (this.core.emitter.wants()) {
			long now = this.core.now();
			this.core.emitter
				.emit(new PodTerminating(now, pod.name, pod.node.name, ends ? now + timeline.goneMicros() : -1,
						ends ? reason
								: reason + "; it stays Terminating, since " + "no kubelet on dead " + pod.node.name
										+ " confirms its end, until the node is deleted",
						pod.stopsServingAt, ends ? timeline.why() : null, pod.serving()));
		}
		this.core.changed(true);
	}

	/**
	 * A terminating pod's first container exited: the pod is no longer Ready, so its
	 * endpoint stops serving; the connections still on it are cut.
	 */
	void appExited(int slot) {
		SimPod pod = this.world.pods.get(slot);
		if (pod.deleted || pod.status != PodStatus.TERMINATING || pod.exited || pod.node == null || pod.node.killed) {
			return;
		}
		boolean wasServing = pod.serving();
		pod.exited = true;
		String why = timeline(pod).why();
		if (pod.live > 0) {
			this.core.traffic.reset(pod, null,
					pod.name + "'s app exited before the connection completed (" + why + ")");
		}
		if (wasServing && this.core.emitter.wants()) {
			this.core.emitter.emit(new PodStoppedServing(this.core.now(), pod.name, pod.node.name, why));
		}
		this.core.changed(wasServing);
	}

	/**
	 * A terminating pod's last container exited, so kubelet removes it. A pod whose node
	 * died meanwhile stays Terminating: no kubelet confirms its end, until the node is
	 * deleted.
	 */
	void delete(int slot) {
		SimPod pod = this.world.pods.get(slot);
		if (pod.deleted || pod.status != PodStatus.TERMINATING || (pod.node != null && pod.node.killed)) {
			return;
		}
		pod.exited = true;
		remove(pod, "its containers have exited, so kubelet removes it", true);
	}

	/**
	 * Deletes a pod now, cutting its connections; its owner reacts when {@code react}.
	 */
	void remove(SimPod pod, String reason, boolean react) {
		if (pod.deleted) {
			return;
		}
		SimNode node = pod.node;
		pod.deleted = true;
		this.world.forgetPod(pod);
		if (pod.workload != null && pod.workload.kind() == WorkloadKind.STATEFUL_SET && pod.successorNode != null) {
			this.statefulPins.put(pod.namespace + "/" + pod.name, pod.successorNode);
		}
		if (pod.live > 0) {
			this.core.traffic.reset(pod, null, pod.name + " was deleted before the connection completed");
		}
		if (this.core.emitter.wants()) {
			this.core.emitter
				.emit(new PodDeleted(this.core.now(), pod.name, (node != null) ? node.name : null, reason));
		}
		this.core.changed(true);
		if (react) {
			if (pod.workload != null) {
				reconcile(pod.workload, null, "replaces " + pod.name);
			}
			retryPending();
			if (node != null) {
				finishRemovalIfEmpty(node);
			}
		}
	}

	// controllers

	/**
	 * The owner creates the pods it is missing (the first one bound to {@code pinFirst}
	 * when given).
	 */
	void reconcile(SimWorkload workload, @Nullable String pinFirst, String why) {
		switch (workload.kind()) {
			case DAEMON_SET -> reconcileDaemonSet(workload, why);
			case STATEFUL_SET -> reconcileStatefulSet(workload, why);
			default -> reconcileReplicas(workload, pinFirst, why);
		}
	}

	private void reconcileReplicas(SimWorkload workload, @Nullable String pinFirst, String why) {
		if (workload.rollingOut) {
			this.rollouts.progress(workload);
			return;
		}
		createReplicas(workload, workload.replicas - activePods(workload).size(), pinFirst, workload.key() + " " + why);
	}

	/**
	 * Creates {@code missing} pods from the workload's current template (the first one
	 * bound to {@code pinFirst} when given).
	 */
	void createReplicas(SimWorkload workload, int count, @Nullable String pinFirst, String why) {
		int missing = count;
		if (missing <= 0) {
			return;
		}
		String namespace = workload.declared.namespace();
		PodScheduling scheduling = workload.declared.scheduling();
		if (pinFirst != null) {
			String name = this.core.podFactory.generatedName(namespace, workload.podPrefix);
			create(workload, namespace, name, name, workload.podLabels, List.of(workload.podOwner), scheduling,
					workload.declared.shutdown(), pinFirst, why);
			missing--;
		}
		// one scheduling round for all of them: each placement counts for the next, as in
		// kube-scheduler
		PodRequirements requirements = PodFactory.requirements(namespace, workload.podLabels, scheduling, workload,
				null);
		for (Placement placement : this.core.podFactory.place(requirements, missing)) {
			String name = this.core.podFactory.generatedName(namespace, workload.podPrefix);
			createPlaced(workload, namespace, name, name, workload.podLabels, List.of(workload.podOwner), scheduling,
					workload.declared.shutdown(), null, placement, why);
		}
	}

	private void reconcileStatefulSet(SimWorkload workload, String why) {
		String namespace = workload.declared.namespace();
		for (int ordinal = 0; ordinal < workload.replicas; ordinal++) {
			String name = workload.podPrefix + "-" + ordinal;
			if (this.world.pod(namespace, name) != null) {
				continue;
			}
			this.core.podFactory.reserve(namespace, name);
			String pin = this.statefulPins.remove(namespace + "/" + name);
			create(workload, namespace, name, name, PodFactory.labelsFor(workload, name, ordinal),
					List.of(workload.podOwner), workload.declared.scheduling(), workload.declared.shutdown(), pin,
					workload.key() + " " + why);
		}
	}

	private void reconcileDaemonSet(SimWorkload workload, String why) {
		String namespace = workload.declared.namespace();
		PodRequirements requirements = PodFactory.requirements(namespace, workload.podLabels,
				workload.declared.scheduling(), workload, null);
		for (Placement placement : this.core.podFactory.placeDaemonSet(requirements)) {
			String nodeName = placement.nodeName();
			if (nodeName == null || hasDaemonPod(workload, nodeName)) {
				continue;
			}
			String name = this.core.podFactory.generatedName(namespace, workload.podPrefix);
			create(workload, namespace, name, name, workload.podLabels, List.of(workload.podOwner),
					workload.declared.scheduling(), workload.declared.shutdown(), nodeName, workload.key() + " " + why);
		}
	}

	private boolean hasDaemonPod(SimWorkload workload, String nodeName) {
		for (SimPod pod : this.world.podsByName.values()) {
			if (pod.workload == workload && pod.node != null && pod.node.name.equals(nodeName)) {
				return true;
			}
		}
		return false;
	}

	/** The owner's pods that exist, terminating ones included. */
	List<SimPod> presentPods(SimWorkload workload) {
		List<SimPod> present = new ArrayList<>();
		for (SimPod pod : this.world.podsByName.values()) {
			if (pod.workload == workload && !pod.deleted) {
				present.add(pod);
			}
		}
		return present;
	}

	/** The owner's pods that count as replicas: not terminating, not deleted. */
	List<SimPod> activePods(SimWorkload workload) {
		List<SimPod> active = new ArrayList<>();
		for (SimPod pod : this.world.podsByName.values()) {
			if (pod.workload == workload && pod.status != PodStatus.TERMINATING) {
				active.add(pod);
			}
		}
		return active;
	}

	/**
	 * Pending pods get another chance (a node was added or uncordoned, or capacity was
	 * freed).
	 */
	void retryPending() {
		for (SimPod pod : this.world.livePods()) {
			if (pod.status != PodStatus.PENDING || pod.deleted) {
				continue;
			}
			PodRequirements requirements = PodFactory.requirements(pod.namespace, pod.labels, pod.scheduling,
					pod.workload, null);
			Placement placement = this.core.podFactory.place(requirements, 1).get(0);
			SimNode node = (placement.nodeName() != null) ? this.world.nodesByName.get(placement.nodeName()) : null;
			if (node != null && bind(pod, node)) {
				emitScheduled(pod, "the scheduler found a node for Pending pod " + pod.name);
				this.core.changed(true);
			}
		}
	}

	// nodes

	/** Marks a node (un)schedulable; returns whether anything changed. */
	boolean cordon(SimNode node, boolean cordoned) {
		if (node.declared.unschedulable() == cordoned) {
			return false;
		}
		DeclaredNode d = node.declared;
		node.declared = new DeclaredNode(d.name(), d.labels(), d.annotations(), d.internalIp(), d.podCidr(), d.taints(),
				d.deleting(), cordoned);
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new NodeCordoned(this.core.now(), node.name, cordoned));
		}
		this.core.changed(false);
		if (!cordoned) {
			retryPending();
		}
		return true;
	}

	/**
	 * Cordons the node and evicts its pods (DaemonSet pods stay, as
	 * {@code kubectl drain --ignore-daemonsets}).
	 */
	void drain(SimNode node, String why) {
		cordon(node, true);
		evict(node, why, false);
	}

	private void evict(SimNode node, String why, boolean daemonPodsToo) {
		Set<SimWorkload> owners = new LinkedHashSet<>();
		for (SimPod pod : this.world.livePods()) {
			if (pod.node != node || pod.status == PodStatus.TERMINATING) {
				continue;
			}
			boolean daemon = pod.workload != null && pod.workload.kind() == WorkloadKind.DAEMON_SET;
			if (daemon && !daemonPodsToo) {
				continue;
			}
			terminate(pod, why);
			if (pod.workload != null && !daemon) {
				owners.add(pod.workload);
			}
		}
		for (SimWorkload owner : owners) {
			reconcile(owner, null, "replaces the pods evicted from " + node.name);
		}
	}

	/**
	 * Removes a node in order, as the cluster autoscaler scales one down: taints it
	 * {@code ToBeDeletedByClusterAutoscaler} (so its {@code /healthz} answers 503, R19),
	 * cordons it, evicts every pod, and deletes it once the last is gone.
	 */
	void startRemoval(SimNode node) {
		node.removing = true;
		DeclaredNode d = node.declared;
		List<Taint> taints = new ArrayList<>(d.taints());
		taints.add(new Taint(Taint.TO_BE_DELETED_KEY, String.valueOf(this.core.now() / 1_000_000), "NoSchedule"));
		node.declared = new DeclaredNode(d.name(), d.labels(), d.annotations(), d.internalIp(), d.podCidr(), taints,
				d.deleting(), true);
		if (!d.unschedulable() && this.core.emitter.wants()) {
			this.core.emitter.emit(new NodeCordoned(this.core.now(), node.name, true));
		}
		this.core.changed(false);
		// the AWS Load Balancer Controller drops nodes with this taint from the target
		// group (IsNodeSuitableAsTrafficProxy), as kube-proxy's /healthz turns 503 for
		// them (R19)
		this.core.balancer.reconcile(node, node.name + " is tainted " + Taint.TO_BE_DELETED_KEY
				+ "; the AWS Load Balancer Controller deregisters it");
		evict(node, node.name + " is being removed", true);
		finishRemovalIfEmpty(node);
	}

	void finishRemovalIfEmpty(SimNode node) {
		if (!node.removing || !node.inCluster) {
			return;
		}
		for (SimPod pod : this.world.podsByName.values()) {
			if (pod.node == node) {
				return;
			}
		}
		node.inCluster = false;
		if (!node.killed) {
			node.goneAt = this.core.now();
		}
		this.world.nodesByName.remove(node.name);
		String reason = node.killed ? "dead " + node.name + " was deleted" : node.name + " was drained and deleted";
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new NodeRemoved(this.core.now(), node.name, node.killed, reason));
		}
		this.core.traffic.reset(null, node, reason);
		this.core.changed(true);
		this.core.balancer.reconcile(node, node.name + " was deleted; the AWS Load Balancer Controller deregisters it");
	}

}
