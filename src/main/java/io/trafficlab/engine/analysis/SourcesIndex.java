package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.ProxyRules;

/**
 * Computes, on demand, the sources one endpoint sees: first the sources that arrived
 * unchanged, then, in node order, the source each SNATing node gives it. kube-proxy
 * (R15): the address of the interface toward the pod, which the network model decides
 * (the bridge gateway or the InternalIP for its own pods; the InternalIP or the tunnel
 * address for the others). Cilium in SNAT mode ({@code bpf/lib/nodeport.h}
 * {@code nodeport_lb4}): a backend on the entry node is reached before any NAT and keeps
 * the arrival source; a remote one sees the entry node's InternalIP. The
 * endpoint-to-group index is built on the first request; every computation is
 * synchronized so that the views may be read from any thread.
 */
final class SourcesIndex {

	private final List<Endpoint> endpoints;

	private final List<Node> nodes;

	private final Dataplane dataplane;

	private final NetworkModel network;

	private final IntFunction<String> arrivalSource;

	private final KeptSources kept;

	private final List<DeliveryGroup> masqueradedGroups;

	private final Divisions divisions;

	private List<List<DeliveryGroup>> groupsByEndpoint = List.of();

	private boolean indexed;

	SourcesIndex(List<Endpoint> endpoints, List<Node> nodes, Dataplane dataplane, NetworkModel network,
			IntFunction<String> arrivalSource, KeptSources kept, List<DeliveryGroup> masqueradedGroups,
			Divisions divisions) {
		this.endpoints = endpoints;
		this.nodes = nodes;
		this.dataplane = dataplane;
		this.network = network;
		this.arrivalSource = arrivalSource;
		this.kept = kept;
		this.masqueradedGroups = masqueradedGroups;
		this.divisions = divisions;
	}

	/**
	 * The sources endpoint {@code position} sees: the unchanged ones first, then node
	 * addresses in node order.
	 */
	synchronized Map<String, Fraction> sourcesOf(int position) {
		index();
		Map<String, Fraction> sources = new LinkedHashMap<>();
		this.kept.copyInto(position, sources);
		Endpoint endpoint = this.endpoints.get(position);
		List<DeliveryGroup> groups = this.groupsByEndpoint.get(position);
		List<NodeSource> fromNodes = new ArrayList<>();
		for (DeliveryGroup group : groups) {
			int setSize = group.set().size();
			for (int i = 0; i < group.nodeCount(); i++) {
				int nodeIndex = group.nodeIndex(i);
				fromNodes.add(new NodeSource(nodeIndex, snatAddress(nodeIndex, endpoint),
						this.divisions.divide(group.share(i), setSize)));
			}
		}
		if (groups.size() > 1) {
			fromNodes.sort(Comparator.comparingInt(NodeSource::nodeIndex));
		}
		for (NodeSource source : fromNodes) {
			sources.merge(source.address(), source.share(), Fraction::plus);
		}
		return Collections.unmodifiableMap(sources);
	}

	private String snatAddress(int nodeIndex, Endpoint endpoint) {
		Node node = this.nodes.get(nodeIndex);
		if (this.dataplane == Dataplane.CILIUM_SNAT) {
			return endpoint.isLocalTo(node.name()) ? this.arrivalSource.apply(nodeIndex) : node.internalIp();
		}
		return ProxyRules.masqueradeAddress(node, endpoint, this.network);
	}

	/**
	 * How many sources endpoint {@code position} sees, without building the map: the
	 * unchanged sources, plus one address per node that delivers to it masqueraded (each
	 * node belongs to one delivery group). Under Cilium SNAT the entry node's own backend
	 * keeps the arrival source, which may already be among the unchanged ones: then the
	 * map is built.
	 */
	synchronized int sourceCount(int position) {
		index();
		int count = this.kept.count(position);
		if (count > 0 && this.dataplane == Dataplane.CILIUM_SNAT && !this.groupsByEndpoint.get(position).isEmpty()) {
			return sourcesOf(position).size();
		}
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
	private record NodeSource(int nodeIndex, String address, Fraction share) {

	}

}
