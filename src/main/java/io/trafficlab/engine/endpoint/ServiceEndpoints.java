package io.trafficlab.engine.endpoint;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * One Service's endpoints, sorted once into the buckets kube-proxy's categorization needs (by readiness, by node,
 * by hint), so that categorizing for a node costs a few map look-ups and nodes with the same Cluster set share one
 * {@link EndpointSet} instance. Immutable and safe to share.
 */
public final class ServiceEndpoints {

	private final List<Endpoint> all;

	private final boolean usesCluster;

	private final boolean usesLocal;

	private final boolean hasReady;

	private final boolean hasAnyEndpoints;

	private final EndpointSet ready;

	private final EndpointSet servingTerminating;

	private final Map<String, EndpointSet> readyByNodeHint;

	private final Map<String, EndpointSet> readyByZoneHint;

	private final Map<String, EndpointSet> readyByNode;

	private final Map<String, EndpointSet> servingTerminatingByNode;

	private final Map<String, Integer> readyIpCountByNode;

	private ServiceEndpoints(Service service, List<Endpoint> endpoints) {
		this.all = List.copyOf(endpoints);
		// R2: the Cluster set serves iTP=Cluster and every external destination (the short-circuits need it)
		this.usesCluster = !service.internalPolicyLocal() || service.externallyAccessible();
		this.usesLocal = service.internalPolicyLocal() || service.externalPolicyLocal();
		Buckets buckets = new Buckets();
		for (int i = 0; i < this.all.size(); i++) {
			buckets.add(i, this.all.get(i));
		}
		this.hasReady = !buckets.ready.isEmpty();
		// R5: any Ready or serving-terminating endpoint anywhere
		this.hasAnyEndpoints = this.hasReady || !buckets.servingTerminating.isEmpty();
		this.ready = EndpointSet.of(this.all, buckets.ready.toArray());
		this.servingTerminating = EndpointSet.of(this.all, buckets.servingTerminating.toArray());
		// R6: one Ready endpoint without a node (zone) hint disables that level for every node
		this.readyByNodeHint = (buckets.allReadyHaveNodeHints && this.hasReady) ? sets(buckets.readyByNodeHint)
				: Map.of();
		this.readyByZoneHint = (buckets.allReadyHaveZoneHints && this.hasReady) ? sets(buckets.readyByZoneHint)
				: Map.of();
		this.readyByNode = sets(buckets.readyByNode);
		this.servingTerminatingByNode = sets(buckets.servingTerminatingByNode);
		this.readyIpCountByNode = distinctIpCounts(this.readyByNode);
	}

	/** Sorts the endpoints of one Service. */
	public static ServiceEndpoints of(Service service, List<Endpoint> endpoints) {
		return new ServiceEndpoints(service, endpoints);
	}

	private Map<String, EndpointSet> sets(Map<String, IntList> buckets) {
		Map<String, EndpointSet> sets = new HashMap<>(buckets.size() * 4 / 3 + 1);
		buckets.forEach((key, positions) -> sets.put(key, EndpointSet.of(this.all, positions.toArray())));
		return sets;
	}

	private static Map<String, Integer> distinctIpCounts(Map<String, EndpointSet> byNode) {
		Map<String, Integer> counts = new HashMap<>(byNode.size() * 4 / 3 + 1);
		byNode.forEach((node, set) -> {
			Set<String> ips = new HashSet<>();
			for (Endpoint endpoint : set.endpoints()) {
				ips.add(endpoint.ip());
			}
			counts.put(node, ips.size());
		});
		return counts;
	}

	/** The Service's endpoints, in their original order (the positions {@link EndpointSet} refers to). */
	public List<Endpoint> all() {
		return this.all;
	}

	/** R5: whether any endpoint anywhere is Ready or serving-terminating. */
	public boolean hasAnyEndpoints() {
		return this.hasAnyEndpoints;
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
	 * R17: the number of distinct IPs among the node's Ready endpoints (serving-terminating ones do not count).
	 */
	public int localReadyIpCount(String nodeName) {
		return this.readyIpCountByNode.getOrDefault(nodeName, 0);
	}

	/**
	 * The sets the named node's kube-proxy computes (R2–R6), with node hints honoured (the
	 * {@code PreferSameTrafficDistribution} gate is on from Kubernetes 1.34).
	 * @param nodeName the node's name
	 * @param zone the node's {@code topology.kubernetes.io/zone} label, {@code null} or empty when missing
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
				// R3: only when nothing anywhere is Ready, every serving-terminating endpoint, ignoring topology
				cluster = this.servingTerminating;
				clusterUsesTerminating = !cluster.isEmpty();
			}
		}
		EndpointSet local = null;
		boolean localUsesTerminating = false;
		if (this.usesLocal) {
			// R4: local Ready endpoints, else local serving-terminating ones; never filtered by topology
			local = this.readyByNode.get(nodeName);
			if (local == null) {
				local = this.servingTerminatingByNode.get(nodeName);
				localUsesTerminating = local != null;
			}
			if (local == null) {
				local = EndpointSet.EMPTY;
			}
		}
		return new CategorizedEndpoints(cluster, local, this.hasAnyEndpoints, mode, clusterUsesTerminating,
				localUsesTerminating);
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

	/** One pass over the endpoints, filling every bucket. */
	private static final class Buckets {

		final IntList ready = new IntList();

		final IntList servingTerminating = new IntList();

		final Map<String, IntList> readyByNode = new HashMap<>();

		final Map<String, IntList> servingTerminatingByNode = new HashMap<>();

		final Map<String, IntList> readyByNodeHint = new HashMap<>();

		final Map<String, IntList> readyByZoneHint = new HashMap<>();

		boolean allReadyHaveNodeHints = true;

		boolean allReadyHaveZoneHints = true;

		void add(int position, Endpoint endpoint) {
			if (endpoint.ready()) {
				this.ready.add(position);
				addByKey(this.readyByNode, endpoint.nodeName(), position);
				this.allReadyHaveNodeHints &= !endpoint.nodeHints().isEmpty();
				this.allReadyHaveZoneHints &= !endpoint.zoneHints().isEmpty();
				if (this.allReadyHaveNodeHints) {
					for (String node : endpoint.nodeHints()) {
						addByKey(this.readyByNodeHint, node, position);
					}
				}
				if (this.allReadyHaveZoneHints) {
					for (String zone : endpoint.zoneHints()) {
						addByKey(this.readyByZoneHint, zone, position);
					}
				}
			}
			else if (endpoint.servingTerminating()) {
				this.servingTerminating.add(position);
				addByKey(this.servingTerminatingByNode, endpoint.nodeName(), position);
			}
		}

		private static void addByKey(Map<String, IntList> buckets, @Nullable String key, int position) {
			if (key != null) {
				buckets.computeIfAbsent(key, (k) -> new IntList()).add(position);
			}
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

		boolean isEmpty() {
			return this.size == 0;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
