package io.trafficlab.engine.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Node;

/**
 * A deterministic stand-in for kube-scheduler. It honours {@code nodeName},
 * {@code nodeSelector}, cordoned nodes, {@code NoSchedule}/{@code NoExecute} taints
 * against tolerations, {@code topologySpreadConstraints} and kubelet's default limit of
 * 110 pods per node. Among the nodes that fit it prefers, like kube-scheduler's spreading
 * score, the node whose topology domains hold the fewest matching pods
 * ({@code ScheduleAnyway} constraints, or, when a pod has no constraints at all,
 * kube-scheduler's default ones: hostname with maxSkew 3 and zone with maxSkew 5,
 * counting the pods of the same workload), then the node with the fewest pods of the same
 * workload, then the node declared first. Resource requests, affinity and the other
 * scoring plugins are not modelled, and where kube-scheduler breaks ties at random this
 * scheduler takes the first node.
 *
 * <p>
 * Pods that fit nowhere stay Pending, with a reason worded like kube-scheduler's
 * {@code FailedScheduling} event, e.g. {@code 0/3 nodes are available: 1 node(s) had
 * untolerated taint {dedicated: gpu}, 2 node(s) didn't match pod topology spread
 * constraints.} Placing {@code r} replicas on {@code n} nodes costs about
 * {@code r log n}. Not thread-safe.
 */
public final class Scheduler {

	/** kubelet's default {@code maxPods}. */
	public static final int DEFAULT_MAX_PODS_PER_NODE = 110;

	private final List<Node> nodes;

	private final Map<String, Integer> indexByName = new HashMap<>();

	private final int maxPodsPerNode;

	private final int[] podCount;

	private final List<PlacedPod> pods = new ArrayList<>();

	/**
	 * Checks every node for every replica instead of using sorted sets: the slow
	 * reference, for tests.
	 */
	private final boolean scanOnly;

	public Scheduler(List<Node> nodes) {
		this(nodes, DEFAULT_MAX_PODS_PER_NODE);
	}

	public Scheduler(List<Node> nodes, int maxPodsPerNode) {
		this(nodes, maxPodsPerNode, false);
	}

	Scheduler(List<Node> nodes, int maxPodsPerNode, boolean scanOnly) {
		this.scanOnly = scanOnly;
		this.nodes = List.copyOf(nodes);
		this.maxPodsPerNode = maxPodsPerNode;
		this.podCount = new int[nodes.size()];
		for (int i = 0; i < this.nodes.size(); i++) {
			this.indexByName.putIfAbsent(this.nodes.get(i).name(), i);
		}
	}

	/**
	 * Records a pod that already runs on a node, so that it counts for spreading and
	 * capacity. Pods on unknown nodes are ignored.
	 */
	public void recordPod(String namespace, Map<String, String> labels, String nodeName, boolean terminating) {
		Integer index = this.indexByName.get(nodeName);
		if (index != null) {
			record(new PlacedPod(namespace, Map.copyOf(labels), index, terminating));
		}
	}

	/**
	 * Places {@code replicas} pods of the same template, one after the other; each
	 * placement counts for the next.
	 */
	public List<Placement> schedule(PodRequirements pod, int replicas) {
		List<Placement> placements = new ArrayList<>(replicas);
		if (pod.nodeName() != null) {
			Placement placement = bind(pod, pod.nodeName());
			for (int i = 0; i < replicas; i++) {
				placements.add(placement.pending() ? placement : bind(pod, pod.nodeName()));
			}
			return placements;
		}
		PlacementRound round = new PlacementRound(this.nodes, this.podCount, this.maxPodsPerNode, this.pods, pod,
				this.scanOnly);
		for (int i = 0; i < replicas; i++) {
			int chosen = round.choose();
			if (chosen < 0) {
				Placement pending = Placement.pending(round.failureMessage());
				while (placements.size() < replicas) {
					placements.add(pending);
				}
				break;
			}
			round.place(chosen);
			this.pods.add(new PlacedPod(pod.namespace(), pod.labels(), chosen, false));
			placements.add(Placement.on(this.nodes.get(chosen).name()));
		}
		return placements;
	}

	/**
	 * Places a DaemonSet's pods: one for each node its nodeSelector and tolerations (plus
	 * the tolerations the DaemonSet controller adds, among them the one for cordoned
	 * nodes) allow, in node order. A pod whose node is full stays Pending.
	 */
	public List<Placement> scheduleDaemonSet(PodRequirements pod) {
		List<Toleration> tolerations = new ArrayList<>(pod.tolerations());
		tolerations.addAll(Toleration.DAEMON_SET_DEFAULTS);
		List<Placement> placements = new ArrayList<>();
		for (int i = 0; i < this.nodes.size(); i++) {
			Node node = this.nodes.get(i);
			if (!NodeFit.matchesSelector(node, pod.nodeSelector())
					|| NodeFit.untoleratedTaint(node, tolerations) != null) {
				continue;
			}
			if (this.podCount[i] >= this.maxPodsPerNode) {
				placements.add(Placement.pending(FailureMessage.daemonPodOnFullNode(this.nodes.size())));
				continue;
			}
			record(new PlacedPod(pod.namespace(), pod.labels(), i, false));
			placements.add(Placement.on(node.name()));
		}
		return placements;
	}

	/** How many pods the scheduler knows on the node (0 for unknown nodes). */
	public int podsOn(String nodeName) {
		Integer index = this.indexByName.get(nodeName);
		return (index != null) ? this.podCount[index] : 0;
	}

	private Placement bind(PodRequirements pod, String nodeName) {
		Integer index = this.indexByName.get(nodeName);
		if (index == null) {
			return Placement.pending("The pod asks for node \"" + nodeName
					+ "\" (spec.nodeName), which does not exist, so it stays Pending.");
		}
		record(new PlacedPod(pod.namespace(), pod.labels(), index, false));
		return Placement.on(nodeName);
	}

	private void record(PlacedPod pod) {
		this.pods.add(pod);
		this.podCount[pod.node()]++;
	}

}
