package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;

/**
 * Where one Service's external connections end: dropped, rejected, or delivered to a set
 * of endpoints. SNATed deliveries to the same set instance (nodes sharing a Cluster set)
 * are summed as one group, and each group's total is spread over its endpoints in one
 * pass.
 */
final class ExternalFlow {

	private final List<Node> nodes;

	private final String clientIp;

	private final Map<EndpointSet, DeliveryGroup> masqueraded = new IdentityHashMap<>();

	private final List<DeliveryGroup> groups = new ArrayList<>();

	private final Fraction[] endpointShares;

	private final Fraction[] clientShares;

	private final boolean[] reachedThroughNodes;

	private final Divisions divisions = new Divisions();

	private Fraction dropped = Fraction.ZERO;

	private Fraction rejected = Fraction.ZERO;

	ExternalFlow(int endpointCount, List<Node> nodes, String clientIp) {
		this.nodes = nodes;
		this.clientIp = clientIp;
		this.endpointShares = new Fraction[endpointCount];
		this.clientShares = new Fraction[endpointCount];
		this.reachedThroughNodes = new boolean[endpointCount];
		Arrays.fill(this.endpointShares, Fraction.ZERO);
		Arrays.fill(this.clientShares, Fraction.ZERO);
	}

	void drop(Fraction share) {
		this.dropped = this.dropped.plus(share);
	}

	void reject(Fraction share) {
		this.rejected = this.rejected.plus(share);
	}

	/**
	 * Node {@code nodeIndex} sends {@code share} of all connections to {@code set},
	 * SNATed or not. SNATed deliveries are grouped by set (the source depends on the
	 * node); the others keep the client address, so they are spread at once (under Local
	 * each node's set is its own anyway).
	 */
	void deliver(EndpointSet set, boolean masquerade, int nodeIndex, Fraction share) {
		if (set.isEmpty()) {
			drop(share);
			return;
		}
		if (!masquerade) {
			spread(set, share, false);
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

	/**
	 * Gives every endpoint of every SNATed group an equal part of the group's total (R11:
	 * uniform choice).
	 */
	void spreadOverEndpoints() {
		for (DeliveryGroup group : this.groups) {
			spread(group.set(), group.total(), true);
		}
	}

	private void spread(EndpointSet set, Fraction share, boolean masquerade) {
		Fraction perEndpoint = this.divisions.divide(share, set.size());
		for (int i = 0; i < set.size(); i++) {
			int position = set.position(i);
			this.endpointShares[position] = this.endpointShares[position].plus(perEndpoint);
			if (masquerade) {
				this.reachedThroughNodes[position] = true;
			}
			else {
				this.clientShares[position] = this.clientShares[position].plus(perEndpoint);
			}
		}
	}

	Fraction dropped() {
		return this.dropped;
	}

	Fraction rejected() {
		return this.rejected;
	}

	List<EndpointAnalysis> endpointAnalyses(List<Endpoint> endpoints) {
		SourcesIndex index = new SourcesIndex(endpoints, this.nodes, this.clientIp, this.clientShares, this.groups,
				this.divisions);
		List<EndpointAnalysis> result = new ArrayList<>(endpoints.size());
		for (int position = 0; position < endpoints.size(); position++) {
			Fraction share = this.endpointShares[position];
			Map<String, Fraction> sources;
			if (share.isZero()) {
				sources = Map.of();
			}
			else if (!this.reachedThroughNodes[position]) {
				// eTP=Local: external clients keep their address
				sources = Map.of(this.clientIp, share);
			}
			else {
				sources = new LazySourcesSeen(index, position);
			}
			result.add(new EndpointAnalysis(endpoints.get(position), share, sources));
		}
		return Collections.unmodifiableList(result);
	}

}
