package io.trafficlab.engine.endpoint;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.carrotsearch.hppc.ObjectIntHashMap;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * One Service's endpoints, sorted once into the buckets kube-proxy's categorization needs
 * (by readiness, by node, by hint), so that categorizing for a node costs a few map
 * look-ups and nodes with the same Cluster set share one {@link EndpointSet} instance.
 * Immutable and safe to share.
 */
public final class ServiceEndpoints {

	private static final byte UNUSABLE = 0;

	private static final byte READY = 1;

	private static final byte SERVING_TERMINATING = 2;

	private final List<Endpoint> all;

	private final boolean usesCluster;

	private final boolean usesLocal;

	private final boolean hasAnyEndpoints;

	private final boolean anyCanServe;

	private final EndpointSet ready;

	private final EndpointSet servingTerminating;

	private final Map<String, EndpointSet> readyByNodeHint;

	private final Map<String, EndpointSet> readyByZoneHint;

	/**
	 * Node name to the index of its sets below, for every node that hosts an endpoint
	 * that can serve; filled only when the Service uses Local sets.
	 */
	private final ObjectIntHashMap<String> nodeIds;

	private final EndpointSet[] readyByNode;

	private final EndpointSet[] servingTerminatingByNode;

	/** R17: the distinct IPs among each node's Ready endpoints, by node index. */
	private final int[] readyIpCountByNode;

	private ServiceEndpoints(Service service, List<Endpoint> endpoints) {
		this.all = List.copyOf(endpoints);
		// R2: the Cluster set serves iTP=Cluster and every external destination (the
		// short-circuits need it)
		this.usesCluster = !service.internalPolicyLocal() || service.externallyAccessible();
		this.usesLocal = service.internalPolicyLocal() || service.externalPolicyLocal();
		int count = this.all.size();
		byte[] kinds = new byte[count];
		int readyCount = 0;
		int servingTerminatingCount = 0;
		HintBuckets hints = new HintBuckets();
		// one pass over the endpoints (reading them is what costs on a large Service):
		// their kind and hints, and for Local sets the node of each that can serve and
		// the IP hash of each Ready one (R17 counts distinct IPs per node)
		boolean anyCanServe = false;
		NodeNumbers nodes = this.usesLocal ? new NodeNumbers(count) : null;
		int[] ipHashes = this.usesLocal ? new int[count] : null;
		for (int i = 0; i < count; i++) {
			Endpoint endpoint = this.all.get(i);
			if (endpoint.ready()) {
				kinds[i] = READY;
				readyCount++;
				hints.add(i, endpoint);
				if (ipHashes != null) {
					ipHashes[i] = endpoint.ip().hashCode();
				}
			}
			else if (endpoint.servingTerminating()) {
				kinds[i] = SERVING_TERMINATING;
				servingTerminatingCount++;
			}
			// every usable endpoint can serve, and so can a serving one that is neither
			// Ready nor terminating
			boolean canServe = endpoint.canServe();
			anyCanServe |= canServe;
			if (nodes != null) {
				nodes.number(i, canServe ? endpoint.nodeName() : null);
			}
		}
		this.anyCanServe = anyCanServe;
		// R5: any Ready or serving-terminating endpoint anywhere
		this.hasAnyEndpoints = readyCount + servingTerminatingCount > 0;
		this.ready = EndpointSet.of(this.all, positionsOf(kinds, READY, readyCount));
		this.servingTerminating = EndpointSet.of(this.all,
				positionsOf(kinds, SERVING_TERMINATING, servingTerminatingCount));
		// R6: one Ready endpoint without a node (zone) hint disables that level for every
		// node
		this.readyByNodeHint = (hints.allReadyHaveNodeHints && readyCount > 0) ? hints.sets(this.all, hints.byNode)
				: Map.of();
		this.readyByZoneHint = (hints.allReadyHaveZoneHints && readyCount > 0) ? hints.sets(this.all, hints.byZone)
				: Map.of();
		if (nodes != null) {
			// per-node buckets, as slices of one array per kind, are only needed for
			// Local sets
			this.nodeIds = nodes.ids;
			this.readyByNode = byNode(kinds, nodes.nodeOf, READY);
			this.servingTerminatingByNode = byNode(kinds, nodes.nodeOf, SERVING_TERMINATING);
			this.readyIpCountByNode = distinctIpCounts(this.readyByNode, ipHashes);
		}
		else {
			this.nodeIds = new ObjectIntHashMap<>(0);
			this.readyByNode = new EndpointSet[0];
			this.servingTerminatingByNode = new EndpointSet[0];
			this.readyIpCountByNode = new int[0];
		}
	}

	/** Sorts the endpoints of one Service. */
	public static ServiceEndpoints of(Service service, List<Endpoint> endpoints) {
		return new ServiceEndpoints(service, endpoints);
	}

	private static int[] positionsOf(byte[] kinds, byte kind, int count) {
		int[] positions = new int[count];
		int next = 0;
		for (int i = 0; i < kinds.length; i++) {
			if (kinds[i] == kind) {
				positions[next++] = i;
			}
		}
		return positions;
	}

	/**
	 * One set per node for endpoints of {@code kind}: a counting sort into one shared
	 * positions array.
	 */
	private EndpointSet[] byNode(byte[] kinds, int[] nodeOf, byte kind) {
		int nodes = this.nodeIds.size();
		int[] start = new int[nodes + 1];
		for (int i = 0; i < kinds.length; i++) {
			if (kinds[i] == kind && nodeOf[i] >= 0) {
				start[nodeOf[i] + 1]++;
			}
		}
		for (int node = 0; node < nodes; node++) {
			start[node + 1] += start[node];
		}
		int[] positions = new int[start[nodes]];
		int[] next = Arrays.copyOf(start, nodes);
		for (int i = 0; i < kinds.length; i++) {
			if (kinds[i] == kind && nodeOf[i] >= 0) {
				positions[next[nodeOf[i]]++] = i;
			}
		}
		EndpointSet[] sets = new EndpointSet[nodes];
		for (int node = 0; node < nodes; node++) {
			sets[node] = EndpointSet.of(this.all, positions, start[node], start[node + 1] - start[node]);
		}
		return sets;
	}

	/**
	 * The Service's endpoints, in their original order (the positions {@link EndpointSet}
	 * refers to).
	 */
	public List<Endpoint> all() {
		return this.all;
	}

	/** R5: whether any endpoint anywhere is Ready or serving-terminating. */
	public boolean hasAnyEndpoints() {
		return this.hasAnyEndpoints;
	}

	/**
	 * MetalLB's {@code EndpointCanServe} (ready, or serving) for any endpoint anywhere.
	 */
	public boolean anyCanServe() {
		return this.anyCanServe;
	}

	/**
	 * Whether the named node hosts an endpoint that can serve, in MetalLB's sense
	 * ({@link #anyCanServe()}).
	 */
	public boolean hostsEndpointThatCanServe(String nodeName) {
		if (this.usesLocal) {
			return this.nodeIds.containsKey(nodeName);
		}
		for (Endpoint endpoint : this.all) {
			if (endpoint.canServe() && endpoint.isLocalTo(nodeName)) {
				return true;
			}
		}
		return false;
	}

	/** R2: whether nodes compute a Cluster set for this Service. */
	public boolean usesClusterEndpoints() {
		return this.usesCluster;
	}

	/** R2: whether nodes compute a Local set for this Service. */
	public boolean usesLocalEndpoints() {
		return this.usesLocal;
	}

	/**
	 * R17: the number of distinct IPs among the node's Ready endpoints
	 * (serving-terminating ones do not count).
	 */
	public int localReadyIpCount(String nodeName) {
		if (this.usesLocal) {
			int id = this.nodeIds.getOrDefault(nodeName, -1);
			return (id >= 0) ? this.readyIpCountByNode[id] : 0;
		}
		Set<String> ips = new HashSet<>();
		for (Endpoint endpoint : this.all) {
			if (endpoint.ready() && endpoint.isLocalTo(nodeName)) {
				ips.add(endpoint.ip());
			}
		}
		return ips.size();
	}

	/**
	 * The sets the named node's kube-proxy computes (R2–R6), with node hints honoured
	 * (the {@code PreferSameTrafficDistribution} gate is on from Kubernetes 1.34).
	 * @param nodeName the node's name
	 * @param zone the node's {@code topology.kubernetes.io/zone} label, {@code null} or
	 * empty when missing
	 */
	public CategorizedEndpoints categorize(String nodeName, @Nullable String zone) {
		EndpointSet cluster = null;
		TopologyMode mode = TopologyMode.NONE;
		boolean clusterUsesTerminating = false;
		if (this.usesCluster) {
			mode = topologyMode(nodeName, zone);
			cluster = switch (mode) {
				case PREFER_SAME_NODE -> this.readyByNodeHint.get(nodeName);
				case PREFER_SAME_ZONE -> this.readyByZoneHint.get(zone);
				case NONE -> this.ready;
			};
			if (cluster == null || cluster.isEmpty()) {
				// R3: only when nothing anywhere is Ready, every serving-terminating
				// endpoint, ignoring topology
				cluster = this.servingTerminating;
				clusterUsesTerminating = !cluster.isEmpty();
			}
		}
		EndpointSet local = null;
		boolean localUsesTerminating = false;
		if (this.usesLocal) {
			// R4: local Ready endpoints, else local serving-terminating ones; never
			// filtered by topology
			local = localSet(this.readyByNode, nodeName);
			if (local.isEmpty()) {
				local = localSet(this.servingTerminatingByNode, nodeName);
				localUsesTerminating = !local.isEmpty();
			}
		}
		return new CategorizedEndpoints(cluster, local, this.hasAnyEndpoints, mode, clusterUsesTerminating,
				localUsesTerminating);
	}

	private EndpointSet localSet(EndpointSet[] byNode, String nodeName) {
		int id = this.nodeIds.getOrDefault(nodeName, -1);
		return (id >= 0) ? byNode[id] : EndpointSet.empty();
	}

	/**
	 * Each set's number of distinct IPs, from the IP hashes of the pass over the
	 * endpoints: a set's IPs are compared as text only when their hashes are equal.
	 */
	private static int[] distinctIpCounts(EndpointSet[] sets, int[] ipHashes) {
		int[] counts = new int[sets.length];
		for (int node = 0; node < sets.length; node++) {
			counts[node] = sets[node].distinctIpCount(ipHashes);
		}
		return counts;
	}

	/** R6, from the hints on Ready endpoints only. */
	private TopologyMode topologyMode(String nodeName, @Nullable String zone) {
		if (this.readyByNodeHint.containsKey(nodeName)) {
			return TopologyMode.PREFER_SAME_NODE;
		}
		if (zone != null && !zone.isEmpty() && this.readyByZoneHint.containsKey(zone)) {
			return TopologyMode.PREFER_SAME_ZONE;
		}
		return TopologyMode.NONE;
	}

	/**
	 * Numbers the nodes of endpoints that can serve in order of appearance; -1 for
	 * endpoints without a node or that cannot serve.
	 */
	private static final class NodeNumbers {

		final ObjectIntHashMap<String> ids = new ObjectIntHashMap<>();

		final int[] nodeOf;

		/**
		 * The node of the previous endpoint: a node's endpoints usually come together.
		 */
		private @Nullable String lastName;

		private int lastId;

		NodeNumbers(int endpoints) {
			this.nodeOf = new int[endpoints];
		}

		void number(int position, @Nullable String nodeName) {
			if (nodeName == null) {
				this.nodeOf[position] = -1;
				return;
			}
			if (nodeName != this.lastName) {
				int slot = this.ids.indexOf(nodeName);
				if (slot >= 0) {
					this.lastId = this.ids.indexGet(slot);
				}
				else {
					this.lastId = this.ids.size();
					this.ids.indexInsert(slot, nodeName, this.lastId);
				}
				this.lastName = nodeName;
			}
			this.nodeOf[position] = this.lastId;
		}

	}

	/**
	 * Ready endpoints by node hint and by zone hint, while every Ready endpoint so far
	 * has one.
	 */
	private static final class HintBuckets {

		final Map<String, IntList> byNode = new HashMap<>();

		final Map<String, IntList> byZone = new HashMap<>();

		boolean allReadyHaveNodeHints = true;

		boolean allReadyHaveZoneHints = true;

		void add(int position, Endpoint endpoint) {
			// once one has none, the others' hints are not read
			this.allReadyHaveNodeHints = this.allReadyHaveNodeHints && !endpoint.nodeHints().isEmpty();
			this.allReadyHaveZoneHints = this.allReadyHaveZoneHints && !endpoint.zoneHints().isEmpty();
			if (this.allReadyHaveNodeHints) {
				for (String node : endpoint.nodeHints()) {
					this.byNode.computeIfAbsent(node, (key) -> new IntList()).add(position);
				}
			}
			if (this.allReadyHaveZoneHints) {
				for (String zone : endpoint.zoneHints()) {
					this.byZone.computeIfAbsent(zone, (key) -> new IntList()).add(position);
				}
			}
		}

		Map<String, EndpointSet> sets(List<Endpoint> all, Map<String, IntList> buckets) {
			Map<String, EndpointSet> sets = new HashMap<>(buckets.size() * 4 / 3 + 1);
			buckets.forEach((key, positions) -> sets.put(key, EndpointSet.of(all, positions.toArray())));
			return sets;
		}

	}

	/** A growable list of positions, without boxing. */
	private static final class IntList {

		private int[] values = new int[4];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
