package io.trafficlab.engine.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.NoHealthy;
import io.trafficlab.engine.kernel.EventLoop;
import io.trafficlab.engine.kernel.SplitMix64;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.proxy.Decision;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionReset;
import org.jspecify.annotations.Nullable;

/**
 * The external clients and every new connection's trip: Poisson arrivals at the client
 * rate, a client drawn at random, the cloud LB's pick, the entry node's programmed rules
 * (DNAT to a pod chosen uniformly, R11, or the ClientIP affinity's previous pick, R12;
 * SNAT when the rules say so, R8, R15), then a conntrack entry until the reply is back.
 * The fast path (no subscriber) allocates nothing but the completion's queue entry.
 */
final class Traffic {

	private final Core core;

	private final World world;

	private final EventLoop loop;

	private final SplitMix64 arrivals;

	private final SplitMix64 routing;

	private final Conntrack conntrack;

	private final LoadBalancer balancer;

	private final Emitter emitter;

	private final Hops hops;

	private long arrivalGeneration;

	private long lastConnection;

	// the statistics window

	long windowStart;

	long connections;

	long routed;

	long dropped;

	long rejected;

	long resets;

	long totalConnections;

	/** Drops and rejects by reason, then by node id + 1 (0: no node). */
	private final long[][] reasons = new long[DropReason.values().length][0];

	Traffic(Core core) {
		this.core = core;
		this.world = core.world;
		this.loop = core.loop;
		this.arrivals = core.arrivalRandom;
		this.routing = core.routingRandom;
		this.conntrack = core.conntrack;
		this.balancer = core.balancer;
		this.emitter = core.emitter;
		this.hops = new Hops(core);
	}

	void begin() {
		scheduleArrival();
	}

	/**
	 * The client rate changed: the next arrival is drawn afresh (arrivals are
	 * memoryless).
	 */
	void rateChanged() {
		this.arrivalGeneration++;
		scheduleArrival();
	}

	private void scheduleArrival() {
		double rate = this.core.settings.connectionsPerSecond();
		if (rate <= 0 || !this.core.entry().reachable()) {
			return;
		}
		long gap = Math.round(this.arrivals.nextExponential(1_000_000.0 / rate));
		this.loop.scheduleIn(gap, Core.ARRIVAL, this.arrivalGeneration);
	}

	void arrive(long generation) {
		if (generation != this.arrivalGeneration) {
			return;
		}
		scheduleArrival();
		long id = ++this.lastConnection;
		this.connections++;
		this.totalConnections++;
		int client = (this.core.clients == 1) ? 0 : this.arrivals.nextInt(this.core.clients);
		if (!this.core.entry().admitted()[client]) {
			drop(id, client, null, DropReason.SECURITY_GROUP, null, -1);
			return;
		}
		if (this.balancer.targetsPods()) {
			deliverToPodTarget(id, client);
			return;
		}
		SimNode entry = this.balancer.pick(this.routing);
		if (entry == null) {
			drop(id, client, null, noTargetReason(), null, -1);
			return;
		}
		entry.entered++;
		NodeRules rules = entry.rules;
		if (entry.killed) {
			drop(id, client, entry, this.balancer.advertises() ? DropReason.BGP_HOLD : DropReason.NODE_GONE, null, -1);
			return;
		}
		if (rules == null) {
			drop(id, client, entry, DropReason.NOT_PROGRAMMED, null, -1);
			return;
		}
		NodeRoute route = rules.routes[client];
		switch (route.verdict) {
			case DROP -> drop(id, client, entry, (route.decision == Decision.DROP_SOURCE_RANGES)
					? DropReason.SOURCE_RANGES : DropReason.NO_LOCAL_ENDPOINT, route, -1);
			case REJECT -> drop(id, client, entry, DropReason.NO_ENDPOINTS, route, -1);
			case DNAT -> deliver(id, client, entry, rules, route);
		}
	}

	private void deliver(long id, int client, SimNode entry, NodeRules rules, NodeRoute route) {
		int[] candidates = route.pods;
		int n = candidates.length;
		if (n == 0) {
			drop(id, client, entry, DropReason.EMPTY_SET, route, -1);
			return;
		}
		int slot;
		boolean affinity = false;
		if (rules.service.sessionAffinity() == SessionAffinity.CLIENT_IP) {
			slot = affinityPick(entry, client, rules, candidates);
			affinity = slot >= 0;
			if (slot < 0) {
				slot = candidates[(n == 1) ? 0 : this.routing.nextInt(n)];
			}
			entry.affinityPod[client] = slot;
			entry.affinityLastSeen[client] = this.loop.now();
		}
		else {
			slot = candidates[(n == 1) ? 0 : this.routing.nextInt(n)];
		}
		SimPod pod = this.world.pods.get(slot);
		SimNode podNode = pod.node;
		if (pod.deleted || podNode == null) {
			drop(id, client, entry, DropReason.STALE_ENDPOINT, route, slot);
			return;
		}
		if (podNode.killed) {
			drop(id, client, entry, DropReason.DEAD_NODE_ENDPOINT, route, slot);
			return;
		}
		if (pod.exited) {
			drop(id, client, entry, DropReason.APP_EXITED, route, slot);
			return;
		}
		boolean local = podNode == entry;
		int source = SourceSlots.of(this.core, client, entry, route.masquerade, local);
		this.routed++;
		pod.connections++;
		pod.countSource(source);
		pod.live++;
		podNode.served++;
		entry.conntrackEntries++;
		long completesAt = this.loop.now() + this.hops.duration(local);
		long ticket = this.conntrack.open(id, client, slot, entry.id);
		this.loop.schedule(completesAt, Core.COMPLETION, ticket);
		if (this.emitter.wants()) {
			this.emitter.emit(this.hops.routed(id, client, entry, pod, route, affinity, completesAt));
		}
	}

	private DropReason noTargetReason() {
		if (this.balancer.announces()) {
			return DropReason.NO_ANNOUNCER;
		}
		if (this.balancer.advertises()) {
			return DropReason.NO_ROUTE;
		}
		if (this.balancer.noneHealthy()) {
			return (this.core.spec().noHealthy() == NoHealthy.LB_CLOSES) ? DropReason.LB_CLOSED
					: DropReason.LB_NO_HEALTHY;
		}
		return DropReason.NO_TARGETS;
	}

	/**
	 * NLB ip targets: the NLB sends the connection straight to a pod's IP, no node's
	 * rules on the way; the pod sees the client or the NLB's zonal address.
	 */
	private void deliverToPodTarget(long id, int client) {
		SimPod pod = this.core.podTargets.pick(this.routing);
		if (pod == null) {
			drop(id, client, null, DropReason.NO_TARGETS, null, -1);
			return;
		}
		SimNode podNode = pod.node;
		if (pod.deleted || podNode == null || podNode.killed) {
			drop(id, client, null, DropReason.POD_TARGET_DEAD, null, pod.slot);
			return;
		}
		if (pod.exited) {
			drop(id, client, null, DropReason.APP_EXITED, null, pod.slot);
			return;
		}
		int source = SourceSlots.direct(this.core, client, podNode, this.core.spec().clientAddressKeptToNode());
		// the analyzer gives a node the share its pods receive
		podNode.entered++;
		this.routed++;
		pod.connections++;
		pod.countSource(source);
		pod.live++;
		podNode.served++;
		podNode.conntrackEntries++;
		long completesAt = this.loop.now() + this.hops.directDuration();
		long ticket = this.conntrack.open(id, client, pod.slot, podNode.id);
		this.loop.schedule(completesAt, Core.COMPLETION, ticket);
		if (this.emitter.wants()) {
			this.emitter.emit(this.hops.routedToPod(id, client, pod, source, completesAt));
		}
	}

	/**
	 * R12: the endpoint this client last used on this node, if it is still a candidate
	 * and not timed out.
	 */
	private int affinityPick(SimNode entry, int client, NodeRules rules, int[] candidates) {
		if (entry.affinityPod.length != this.core.clients) {
			entry.clearAffinity(this.core.clients);
		}
		int previous = entry.affinityPod[client];
		if (previous < 0) {
			return -1;
		}
		long timeout = rules.service.sessionAffinityTimeoutSeconds() * 1_000_000L;
		if (this.loop.now() - entry.affinityLastSeen[client] > timeout) {
			return -1;
		}
		for (int candidate : candidates) {
			if (candidate == previous) {
				return previous;
			}
		}
		return -1;
	}

	private void drop(long id, int client, @Nullable SimNode entry, DropReason reason, @Nullable NodeRoute route,
			int podSlot) {
		int nodeIndex = (entry != null) ? entry.id + 1 : 0;
		long[] byNode = this.reasons[reason.ordinal()];
		if (nodeIndex >= byNode.length) {
			byNode = Arrays.copyOf(byNode, Math.max(nodeIndex + 1, 2 * byNode.length));
			this.reasons[reason.ordinal()] = byNode;
		}
		byNode[nodeIndex]++;
		if (reason.reject) {
			this.rejected++;
			if (entry != null) {
				entry.rejected++;
			}
		}
		else {
			this.dropped++;
			if (entry != null) {
				entry.dropped++;
			}
		}
		if (this.emitter.wants()) {
			this.emitter.emit(this.hops.failed(id, client, entry, reason, route, podSlot));
		}
	}

	void complete(long ticket) {
		int slot = this.conntrack.slotOf(ticket);
		if (slot < 0) {
			return;
		}
		close(slot);
	}

	private void close(int slot) {
		this.world.pods.get(this.conntrack.pod(slot)).live--;
		this.world.nodes.get(this.conntrack.entryNode(slot)).conntrackEntries--;
		this.conntrack.close(slot);
	}

	/**
	 * Cuts every connection on {@code pod} (when {@code pod} is not {@code null}) or
	 * through {@code node}.
	 */
	void reset(@Nullable SimPod pod, @Nullable SimNode node, String reason) {
		reset(pod, node, false, reason);
	}

	/** Cuts every established connection of the Service (the router's ECMP rehash). */
	void resetAll(String reason) {
		reset(null, null, false, reason);
	}

	/**
	 * Cuts every connection the load balancer sent to {@code entry} (the NLB's RST when
	 * its target turns unhealthy), wherever kube-proxy forwarded it.
	 */
	void resetEntering(SimNode entry, String reason) {
		reset(null, entry, true, reason);
	}

	private void reset(@Nullable SimPod pod, @Nullable SimNode node, boolean enteringOnly, String reason) {
		for (int slot = 0; slot < this.conntrack.limit(); slot++) {
			if (!this.conntrack.isOpen(slot)) {
				continue;
			}
			SimPod on = this.world.pods.get(this.conntrack.pod(slot));
			boolean hit = (pod == null && node == null) || (pod != null && on == pod) || (node != null
					&& (this.conntrack.entryNode(slot) == node.id || (!enteringOnly && on.node == node)));
			if (!hit) {
				continue;
			}
			this.resets++;
			if (this.emitter.wants()) {
				String onNode = (on.node != null) ? on.node.name : "";
				this.emitter.emit(new ConnectionReset(this.loop.now(), this.conntrack.connection(slot),
						this.core.clientIps.get(this.conntrack.client(slot)), on.name, onNode, reason));
			}
			close(slot);
		}
	}

	/** Starts a new statistics window now. */
	void restartWindow() {
		this.windowStart = this.loop.now();
		this.connections = 0;
		this.routed = 0;
		this.dropped = 0;
		this.rejected = 0;
		this.resets = 0;
		for (long[] byNode : this.reasons) {
			Arrays.fill(byNode, 0);
		}
		for (SimPod pod : this.world.pods) {
			pod.restartCounters();
		}
		for (SimNode node : this.world.nodes) {
			node.restartCounters();
		}
	}

	/** The window's counters, to put back when a command is refused. */
	Window saveWindow() {
		long[][] reasonCopy = new long[this.reasons.length][];
		for (int i = 0; i < this.reasons.length; i++) {
			reasonCopy[i] = this.reasons[i].clone();
		}
		List<SimPod> pods = this.world.pods;
		long[] podConnections = new long[pods.size()];
		long[][] podSources = new long[pods.size()][];
		for (int i = 0; i < pods.size(); i++) {
			podConnections[i] = pods.get(i).connections;
			podSources[i] = pods.get(i).sources.clone();
		}
		List<SimNode> nodes = this.world.nodes;
		long[][] nodeCounters = new long[nodes.size()][];
		for (int i = 0; i < nodes.size(); i++) {
			SimNode node = nodes.get(i);
			nodeCounters[i] = new long[] { node.entered, node.served, node.dropped, node.rejected };
		}
		return new Window(new long[] { this.windowStart, this.connections, this.routed, this.dropped, this.rejected,
				this.resets }, reasonCopy, podConnections, podSources, nodeCounters);
	}

	void restoreWindow(Window window) {
		this.windowStart = window.totals[0];
		this.connections = window.totals[1];
		this.routed = window.totals[2];
		this.dropped = window.totals[3];
		this.rejected = window.totals[4];
		this.resets = window.totals[5];
		for (int i = 0; i < this.reasons.length; i++) {
			this.reasons[i] = window.reasons[i];
		}
		for (int i = 0; i < window.podConnections.length; i++) {
			SimPod pod = this.world.pods.get(i);
			pod.connections = window.podConnections[i];
			pod.sources = window.podSources[i];
		}
		for (int i = 0; i < window.nodeCounters.length; i++) {
			SimNode node = this.world.nodes.get(i);
			long[] counters = window.nodeCounters[i];
			node.entered = counters[0];
			node.served = counters[1];
			node.dropped = counters[2];
			node.rejected = counters[3];
		}
	}

	/** A copy of the window's counters. */
	record Window(long[] totals, long[][] reasons, long[] podConnections, long[][] podSources, long[][] nodeCounters) {
	}

	/**
	 * Drops or rejects since the window started, by statistics key, in reason then node
	 * order.
	 */
	void countReasons(boolean rejects, Map<String, Long> into) {
		List<SimNode> nodes = this.world.nodes;
		for (DropReason reason : DropReason.values()) {
			if (reason.reject != rejects) {
				continue;
			}
			long[] byNode = this.reasons[reason.ordinal()];
			for (int i = 0; i < byNode.length; i++) {
				if (byNode[i] > 0) {
					into.merge(reason.key((i == 0) ? "" : nodes.get(i - 1).name, this.core.settings.kind()), byNode[i],
							Long::sum);
				}
			}
		}
	}

	long lastConnection() {
		return this.lastConnection;
	}

}
