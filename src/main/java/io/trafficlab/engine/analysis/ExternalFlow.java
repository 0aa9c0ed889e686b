package io.trafficlab.engine.analysis;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.IntFunction;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.NetworkModel;

/**
 * Where one Service's external connections end: dropped (by a node, or at the load
 * balancer itself), rejected, or delivered to a set of endpoints. SNATed deliveries to
 * the same set instance (nodes sharing a Cluster set) are summed as one group, and each
 * group's total is spread over its endpoints in one pass; so are unSNATed deliveries to a
 * shared set (Cilium DSR), per arrival source.
 */
final class ExternalFlow {

	private final List<Node> nodes;

	private final Dataplane dataplane;

	private final NetworkModel network;

	private final IntFunction<String> arrivalSource;

	private final Map<EndpointSet, DeliveryGroup> masqueraded = new IdentityHashMap<>();

	private final List<DeliveryGroup> groups = new ArrayList<>();

	private final Map<EndpointSet, KeptGroup> keptGroups = new IdentityHashMap<>();

	private final Fraction[] endpointShares;

	private final KeptSources kept;

	private final boolean[] reachedThroughNodes;

	private final Divisions divisions = new Divisions();

	private Fraction dropped = Fraction.ZERO;

	private Fraction rejected = Fraction.ZERO;

	/**
	 * @param arrivalSource the source address a node's packets arrive with, by node index
	 */
	ExternalFlow(int endpointCount, List<Node> nodes, Dataplane dataplane, NetworkModel network,
			IntFunction<String> arrivalSource) {
		this.nodes = nodes;
		this.dataplane = dataplane;
		this.network = network;
		this.arrivalSource = arrivalSource;
		this.endpointShares = new Fraction[endpointCount];
		this.kept = new KeptSources(endpointCount);
		this.reachedThroughNodes = new boolean[endpointCount];
		Arrays.fill(this.endpointShares, Fraction.ZERO);
	}

	void drop(Fraction share) {
		this.dropped = this.dropped.plus(share);
	}

	void reject(Fraction share) {
		this.rejected = this.rejected.plus(share);
	}

	/**
	 * Node {@code nodeIndex} sends {@code share} of all connections to {@code set}.
	 * SNATed deliveries are grouped by set (the source depends on the node); the others
	 * keep the arrival source: spread at once when the set is the node's own (Local),
	 * else grouped by set and source.
	 */
	void deliver(EndpointSet set, boolean masquerade, boolean ownSet, int nodeIndex, Fraction share) {
		if (set.isEmpty()) {
			drop(share);
			return;
		}
		if (!masquerade) {
			if (ownSet) {
				spreadKept(set, share, this.arrivalSource.apply(nodeIndex));
			}
			else {
				this.keptGroups.computeIfAbsent(set, KeptGroup::new).add(this.arrivalSource.apply(nodeIndex), share);
			}
			return;
		}
		DeliveryGroup group = this.masqueraded.get(set);
		if (group == null) {
			group = new DeliveryGroup(set);
			this.masqueraded.put(set, group);
			this.groups.add(group);
		}
		group.add(nodeIndex, share);
	}

	/** The load balancer sends {@code share} straight to endpoint {@code position}. */
	void deliverToEndpoint(int position, Fraction share, String source) {
		this.endpointShares[position] = this.endpointShares[position].plus(share);
		this.kept.add(position, source, share);
	}

	/**
	 * Gives every endpoint of every group an equal part of the group's total (R11:
	 * uniform choice).
	 */
	void spreadOverEndpoints() {
		for (KeptGroup group : this.keptGroups.values()) {
			for (Map.Entry<String, Fraction> source : group.bySource().entrySet()) {
				spreadKept(group.set(), source.getValue(), source.getKey());
			}
		}
		for (DeliveryGroup group : this.groups) {
			Fraction perEndpoint = this.divisions.divide(group.total(), group.set().size());
			for (int i = 0; i < group.set().size(); i++) {
				int position = group.set().position(i);
				this.endpointShares[position] = this.endpointShares[position].plus(perEndpoint);
				this.reachedThroughNodes[position] = true;
			}
		}
	}

	private void spreadKept(EndpointSet set, Fraction share, String source) {
		Fraction perEndpoint = this.divisions.divide(share, set.size());
		for (int i = 0; i < set.size(); i++) {
			int position = set.position(i);
			this.endpointShares[position] = this.endpointShares[position].plus(perEndpoint);
			this.kept.add(position, source, perEndpoint);
		}
	}

	Fraction dropped() {
		return this.dropped;
	}

	Fraction rejected() {
		return this.rejected;
	}

	/** The source node {@code nodeIndex}'s packets arrive with. */
	String arrivalSourceOf(int nodeIndex) {
		return this.arrivalSource.apply(nodeIndex);
	}

	/** The share that reached endpoints, for the per-node LB share of ip targets. */
	Fraction shareOf(int position) {
		return this.endpointShares[position];
	}

	/**
	 * What each endpoint receives, as a view: an {@link EndpointAnalysis} is built when
	 * it is read, from the arrays this flow filled, so the analysis of a large Service
	 * does not allocate one result per endpoint for callers that read a few, count, or
	 * stream them once into a response.
	 */
	List<EndpointAnalysis> endpointAnalyses(List<Endpoint> endpoints) {
		return new EndpointAnalyses(endpoints, new SourcesIndex(endpoints, this.nodes, this.dataplane, this.network,
				this.arrivalSource, this.kept, this.groups, this.divisions));
	}

	private final class EndpointAnalyses extends AbstractList<EndpointAnalysis> implements RandomAccess {

		private final List<Endpoint> endpoints;

		private final SourcesIndex index;

		EndpointAnalyses(List<Endpoint> endpoints, SourcesIndex index) {
			this.endpoints = endpoints;
			this.index = index;
		}

		@Override
		public EndpointAnalysis get(int position) {
			Fraction share = ExternalFlow.this.endpointShares[position];
			return new EndpointAnalysis(this.endpoints.get(position), share, sourcesOf(position, share));
		}

		private Map<String, Fraction> sourcesOf(int position, Fraction share) {
			if (share.isZero()) {
				return Map.of();
			}
			if (!ExternalFlow.this.reachedThroughNodes[position]) {
				// no SNAT on the way: the client's address, or the LB's
				return ExternalFlow.this.kept.of(position);
			}
			return new LazySourcesSeen(this.index, position);
		}

		@Override
		public int size() {
			return this.endpoints.size();
		}

	}

}
