package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.kernel.SplitMix64;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.Ipv4;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.scheduling.Placement;
import io.trafficlab.engine.scheduling.PodRequirements;
import io.trafficlab.engine.scheduling.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * What the controllers and kube-scheduler do for a new pod: a name in the controller's
 * shape (a random-looking 5-character suffix from the seeded source, never reused), a
 * node from the {@link io.trafficlab.engine.scheduling.Scheduler} over the current
 * cluster, and an IP from its node's pod CIDR (the next address after the last one handed
 * out there, so a new pod never takes a recently deleted pod's IP).
 */
final class PodFactory {

	/** The alphabet Kubernetes uses for generated names (no vowels). */
	private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

	private static final int FIRST_HOST = 10;

	private final World world;

	private final SplitMix64 random;

	private final Set<String> usedNames = new HashSet<>();

	private final Map<Integer, Long> nextHostByNode = new LinkedHashMap<>();

	PodFactory(World world, SplitMix64 random) {
		this.world = world;
		this.random = random;
		for (SimPod pod : world.pods) {
			this.usedNames.add(pod.namespace + "/" + pod.name);
		}
	}

	/** {@code <prefix>-<5 characters>}, never used before in this simulation. */
	String generatedName(String namespace, String prefix) {
		while (true) {
			StringBuilder name = new StringBuilder(prefix).append('-');
			for (int i = 0; i < 5; i++) {
				name.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
			if (this.usedNames.add(namespace + "/" + name)) {
				return name.toString();
			}
		}
	}

	/**
	 * A new {@code pod-template-hash}: 10 characters from the seeded source (upstream
	 * hashes the template, which a restart changes through its {@code restartedAt}
	 * annotation).
	 */
	String templateHash() {
		StringBuilder hash = new StringBuilder(10);
		for (int i = 0; i < 10; i++) {
			hash.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return hash.toString();
	}

	/** Marks a fixed name (a StatefulSet ordinal) as used. */
	void reserve(String namespace, String name) {
		this.usedNames.add(namespace + "/" + name);
	}

	/**
	 * The scheduling requirements of a pod (pinned to {@code pinnedNode} when not
	 * {@code null}).
	 */
	static PodRequirements requirements(String namespace, Map<String, String> labels, PodScheduling scheduling,
			@Nullable SimWorkload workload, @Nullable String pinnedNode) {
		LabelSelector owner = (workload != null) ? workload.declared.selector()
				: (labels.isEmpty() ? null : LabelSelector.of(labels));
		String nodeName = (pinnedNode != null) ? pinnedNode : scheduling.nodeName();
		return new PodRequirements(namespace, labels, nodeName, scheduling.nodeSelector(), scheduling.tolerations(),
				scheduling.spreadConstraints(), owner);
	}

	/**
	 * Places {@code count} pods with the same requirements, one after the other, given
	 * every pod placed so far.
	 */
	List<Placement> place(PodRequirements requirements, int count) {
		return scheduler().schedule(requirements, count);
	}

	/** Places a DaemonSet's pods on every node it fits, given every pod placed so far. */
	List<Placement> placeDaemonSet(PodRequirements requirements) {
		return scheduler().scheduleDaemonSet(requirements);
	}

	private Scheduler scheduler() {
		List<Node> nodes = new ArrayList<>(this.world.nodesByName.size());
		for (SimNode node : this.world.nodesByName.values()) {
			Node model = node.model;
			// the declared node holds the latest cordon and taints, even before the
			// cluster is assembled again
			nodes.add(new Node(model.name(), model.labels(), model.zone(), model.internalIp(), model.podCidr(),
					model.bridgeIp(), node.declared.taints(), node.declared.deleting(), model.proxyHealthy(),
					node.declared.unschedulable()));
		}
		Scheduler scheduler = new Scheduler(nodes);
		for (SimPod pod : this.world.podsByName.values()) {
			if (pod.node != null) {
				scheduler.recordPod(pod.namespace, pod.labels, pod.node.name,
						pod.status == SimulationSnapshot.PodStatus.TERMINATING);
			}
		}
		return scheduler;
	}

	/** How many pods (not yet deleted) run on the node: kubelet allows 110. */
	int podsOn(SimNode node) {
		int count = 0;
		for (SimPod pod : this.world.podsByName.values()) {
			count += (pod.node == node) ? 1 : 0;
		}
		return count;
	}

	/**
	 * The next free address in the node's pod CIDR, after the last one handed out there
	 * (wrapping around), or {@code null} when the CIDR is full.
	 */
	@Nullable String nextIp(SimNode node) {
		String cidr = node.model.podCidr();
		int slash = cidr.indexOf('/');
		long network = Ipv4.parse(cidr.substring(0, slash));
		int prefix = Integer.parseInt(cidr.substring(slash + 1));
		long size = 1L << (32 - prefix);
		long first = Math.min(FIRST_HOST, Math.max(size - 2, 1));
		long last = size - 2;
		Set<String> used = new HashSet<>();
		for (SimPod pod : this.world.podsByName.values()) {
			if (pod.ip != null) {
				used.add(pod.ip);
			}
		}
		long start = this.nextHostByNode.computeIfAbsent(node.id, (id) -> highestHost(node, network, first));
		for (long i = 0; i <= last - first; i++) {
			long host = first + Math.floorMod(start - first + i, last - first + 1);
			String ip = Ipv4.format(network + host);
			if (!used.contains(ip) && !ip.equals(node.model.bridgeIp())) {
				this.nextHostByNode.put(node.id, host + 1);
				return ip;
			}
		}
		return null;
	}

	private long highestHost(SimNode node, long network, long first) {
		long highest = first - 1;
		for (SimPod pod : this.world.pods) {
			if (pod.node == node && pod.ip != null && Ipv4.isValid(pod.ip)) {
				highest = Math.max(highest, Ipv4.parse(pod.ip) - network);
			}
		}
		return highest + 1;
	}

	/** The StatefulSet's lowest free ordinal. */
	int freeOrdinal(SimWorkload statefulSet) {
		for (int ordinal = 0;; ordinal++) {
			if (this.world.pod(statefulSet.declared.namespace(), statefulSet.podPrefix + "-" + ordinal) == null) {
				return ordinal;
			}
		}
	}

	/** The labels of a new pod: the workload's, with a StatefulSet's per-pod labels. */
	static Map<String, String> labelsFor(SimWorkload workload, String name, int ordinal) {
		if (workload.kind() != WorkloadKind.STATEFUL_SET) {
			return workload.podLabels;
		}
		Map<String, String> labels = new LinkedHashMap<>(workload.podLabels);
		labels.put("statefulset.kubernetes.io/pod-name", name);
		labels.put("apps.kubernetes.io/pod-index", String.valueOf(ordinal));
		return labels;
	}

}
