package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.proxy.ProxyRules;

/**
 * Computes, on demand, the sources one endpoint sees (R15): the client address for
 * connections that kept it, and for SNATed connections the delivering node's bridge
 * gateway (endpoint on that node) or InternalIP (elsewhere). The endpoint-to-group index
 * is built on the first request; every computation is synchronized so that the views may
 * be read from any thread.
 */
final class SourcesIndex {

	private final List<Endpoint> endpoints;

	private final List<Node> nodes;

	private final String clientIp;

	private final Fraction[] clientShares;

	private final List<DeliveryGroup> masqueradedGroups;

	private final Divisions divisions;

	private List<List<DeliveryGroup>> groupsByEndpoint = List.of();

	private boolean indexed;

	SourcesIndex(List<Endpoint> endpoints, List<Node> nodes, String clientIp, Fraction[] clientShares,
			List<DeliveryGroup> masqueradedGroups, Divisions divisions) {
		this.endpoints = endpoints;
		this.nodes = nodes;
		this.clientIp = clientIp;
		this.clientShares = clientShares;
		this.masqueradedGroups = masqueradedGroups;
		this.divisions = divisions;
	}

	/**
	 * The sources endpoint {@code position} sees: the client first, then node addresses
	 * in node order.
	 */
	synchronized Map<String, Fraction> sourcesOf(int position) {
		index();
		Map<String, Fraction> sources = new LinkedHashMap<>();
		if (!this.clientShares[position].isZero()) {
			sources.put(this.clientIp, this.clientShares[position]);
		}
		Endpoint endpoint = this.endpoints.get(position);
		List<DeliveryGroup> groups = this.groupsByEndpoint.get(position);
		List<NodeSource> fromNodes = new ArrayList<>();
		for (DeliveryGroup group : groups) {
			int setSize = group.set().size();
			for (int i = 0; i < group.nodeCount(); i++) {
				Node node = this.nodes.get(group.nodeIndex(i));
				fromNodes.add(new NodeSource(group.nodeIndex(i), ProxyRules.masqueradeAddress(node, endpoint),
						this.divisions.divide(group.share(i), setSize)));
			}
		}
		if (groups.size() > 1) {
			fromNodes.sort((left, right) -> Integer.compare(left.nodeIndex, right.nodeIndex));
		}
		for (NodeSource source : fromNodes) {
			sources.merge(source.address, source.share, Fraction::plus);
		}
		return Collections.unmodifiableMap(sources);
	}

	/**
	 * How many sources endpoint {@code position} sees, without building the map: the
	 * client, plus one address per node that delivers to it masqueraded (each node
	 * belongs to one delivery group).
	 */
	synchronized int sourceCount(int position) {
		index();
		int count = this.clientShares[position].isZero() ? 0 : 1;
		for (DeliveryGroup group : this.groupsByEndpoint.get(position)) {
			count += group.nodeCount();
		}
		return count;
	}

	private void index() {
		if (this.indexed) {
			return;
		}
		List<List<DeliveryGroup>> byEndpoint = new ArrayList<>(this.endpoints.size());
		for (int i = 0; i < this.endpoints.size(); i++) {
			byEndpoint.add(null);
		}
		for (DeliveryGroup group : this.masqueradedGroups) {
			for (int i = 0; i < group.set().size(); i++) {
				int position = group.set().position(i);
				List<DeliveryGroup> groups = byEndpoint.get(position);
				if (groups == null) {
					groups = new ArrayList<>(1);
					byEndpoint.set(position, groups);
				}
				groups.add(group);
			}
		}
		for (int i = 0; i < byEndpoint.size(); i++) {
			if (byEndpoint.get(i) == null) {
				byEndpoint.set(i, List.of());
			}
		}
		this.groupsByEndpoint = byEndpoint;
		this.indexed = true;
	}

	/** One node's contribution to an endpoint's sources. */
	private static final class NodeSource {

		final int nodeIndex;

		final String address;

		final Fraction share;

		NodeSource(int nodeIndex, String address, Fraction share) {
			this.nodeIndex = nodeIndex;
			this.address = address;
			this.share = share;
		}

	}

}
