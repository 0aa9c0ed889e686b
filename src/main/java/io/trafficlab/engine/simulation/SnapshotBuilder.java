package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;

/**
 * The full state for a late joiner.
 */
final class SnapshotBuilder {

	private SnapshotBuilder() {
	}

	static SimulationSnapshot build(Core core) {
		core.world.cluster();
		List<NodeState> nodes = nodes(core);
		List<PodState> pods = new ArrayList<>();
		for (SimPod pod : core.world.podsByName.values()) {
			pods.add(new PodState(pod.name, (pod.node != null) ? pod.node.name : null, pod.ip, pod.status,
					(pod.workload != null) ? pod.workload.key() : null, pod.backsService, pod.since, pod.serving(),
					pod.stopsServingAt));
		}
		SimulationSettings settings = core.settings;
		return new SimulationSnapshot(core.now(), settings, nodes, pods, core.service(), core.clientIps,
				settings.loadBalancer(), settings.connectionsPerSecond(), core.traffic.lastConnection(),
				core.entry().hostname(), settings.kind(), settings.kind().label(), settings.dataplane(),
				settings.network(), core.balancer.announcingNode(), core.balancer.advertisingNodes(),
				SimulatedBalancers.spreadKnob(settings.kind()));
	}

	/**
	 * The {@link #shownNodes} as they stand, with what the load balancer probes on each
	 * and its verdict.
	 */
	static List<NodeState> nodes(Core core) {
		List<NodeState> nodes = new ArrayList<>();
		for (SimNode node : shownNodes(core)) {
			ProbeAnswers.ProbeResult probe = core.balancer.answer(node);
			NodeRules rules = node.rules;
			boolean unprobed = !core.balancer.probesNodes();
			nodes.add(new NodeState(node.name, node.model.internalIp(), node.model.zone(),
					node.declared.unschedulable(), node.killed, unprobed ? "" : probe.target(),
					unprobed ? 0 : probe.status(), unprobed ? null : probe.answer(), core.balancer.shownVerdict(node),
					node.consecutive, node.conntrackEntries, (rules != null) ? rules.syncedAt : -1));
		}
		return nodes;
	}

	/**
	 * The nodes in the cluster, in order, then nodes that left it but the load balancer
	 * still lists as targets it sends to (none today: a node that leaves is deregistered
	 * and only drains, which the events tell).
	 */
	static List<SimNode> shownNodes(Core core) {
		List<SimNode> shown = new ArrayList<>(core.world.nodesByName.values());
		for (SimNode node : core.world.nodes) {
			if (!node.inCluster && node.isTarget() && node.verdict != TargetState.DRAINING) {
				shown.add(node);
			}
		}
		return shown;
	}

}
