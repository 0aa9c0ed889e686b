package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.trafficlab.engine.balancer.CloudLoadBalancer;
import io.trafficlab.engine.balancer.AnnounceCandidates;
import io.trafficlab.engine.balancer.L2Election;
import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.balancer.LoadBalancerSpec;
import io.trafficlab.engine.balancer.NoHealthy;
import io.trafficlab.engine.balancer.NodeProbe;
import io.trafficlab.engine.balancer.Spread;
import io.trafficlab.engine.balancer.ZoneSpread;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue LB's steady state over a Service's nodes (research §6.2 steps 3–5): which
 * nodes it registers, how its probe judges them, and each node's share of new
 * connections; or why nothing is sent at all. ip targets are spread by
 * {@link PodTargets}.
 */
final class NodeTargets {

	final Fraction[] shares;

	final @Nullable Boolean[] healthy;

	final boolean[] passing;

	@Nullable String failure;

	@Nullable List<String> announcing;

	/** Whether no registered node passes, so that the LB spreads over all of them. */
	boolean failedOpen;

	private NodeTargets(int nodes) {
		this.shares = new Fraction[nodes];
		this.healthy = new Boolean[nodes];
		this.passing = new boolean[nodes];
		Arrays.fill(this.shares, Fraction.ZERO);
	}

	/**
	 * A Service without a catalogued LB: R20's probe and spread (a NodePort Service's
	 * clients reach every node; a ClusterIP Service gets nothing).
	 */
	static NodeTargets generic(Service service, CloudLoadBalancer balancer, List<NodeProbe> probes) {
		NodeTargets targets = new NodeTargets(probes.size());
		List<Fraction> shares = balancer.shares(service, probes);
		for (int i = 0; i < probes.size(); i++) {
			targets.passing[i] = probes.get(i).passing();
			targets.shares[i] = shares.get(i);
		}
		targets.failedOpen = CloudLoadBalancer.failsOpen(service, probes);
		return targets;
	}

	/** ip targets: no node is a target; the pods' shares are added up per node later. */
	static NodeTargets none(int nodes) {
		return new NodeTargets(nodes);
	}

	/**
	 * @param probes what the LB's probe finds on each node (passing and weight), for the
	 * probing LBs
	 * @param endpoints MetalLB: which endpoints can serve ({@code EndpointCanServe}:
	 * ready, or serving), anywhere and on each node
	 */
	static NodeTargets of(LoadBalancerSpec spec, Service service, List<Node> nodes, List<NodeProbe> probes,
			ServiceEndpoints endpoints) {
		NodeTargets targets = new NodeTargets(nodes.size());
		boolean[] registered = new boolean[nodes.size()];
		int registeredCount = 0;
		for (int i = 0; i < nodes.size(); i++) {
			registered[i] = spec.registration().registers(nodes.get(i));
			registeredCount += registered[i] ? 1 : 0;
		}
		if (!spec.arrival().probes()) {
			targets.announce(spec, service, nodes, registered, endpoints);
			return targets;
		}
		for (int i = 0; i < nodes.size(); i++) {
			if (registered[i]) {
				targets.healthy[i] = probes.get(i).passing();
				targets.passing[i] = probes.get(i).passing();
			}
		}
		if (registeredCount == 0) {
			if (!nodes.isEmpty()) {
				targets.failure = "its controller registers none of the " + nodes.size() + " nodes";
			}
			return targets;
		}
		boolean anyHealthy = false;
		for (boolean pass : targets.passing) {
			anyHealthy |= pass;
		}
		if (!anyHealthy && spec.noHealthy() != NoHealthy.FAIL_OPEN) {
			targets.failure = (spec.noHealthy() == NoHealthy.NO_NEW_FLOWS)
					? "no node passes its health probe, and with Azure's default AllProbedDown it sends no new flows"
					: "no instance is InService, so the Classic ELB closes the connections it accepted";
			return targets;
		}
		targets.failedOpen = !anyHealthy;
		if (spec.spread() == Spread.PER_ZONE) {
			targets.spreadPerZone(spec, nodes, registered, registeredCount);
		}
		else {
			targets.spreadOverNodes(spec, service, probes, registered, registeredCount);
		}
		return targets;
	}

	private void spreadPerZone(LoadBalancerSpec spec, List<Node> nodes, boolean[] registered, int registeredCount) {
		String[] zones = new String[registeredCount];
		boolean[] healthy = new boolean[registeredCount];
		int next = 0;
		for (int i = 0; i < nodes.size(); i++) {
			if (registered[i]) {
				zones[next] = LoadBalancerAddresses.zoneOf(nodes.get(i));
				healthy[next++] = this.passing[i];
			}
		}
		Fraction[] spread = ZoneSpread.shares(zones, healthy, spec.crossZone(), true);
		next = 0;
		for (int i = 0; i < nodes.size(); i++) {
			if (registered[i]) {
				this.shares[i] = spread[next++];
			}
		}
	}

	private void spreadOverNodes(LoadBalancerSpec spec, Service service, List<NodeProbe> probes, boolean[] registered,
			int registeredCount) {
		List<NodeProbe> registeredProbes = probes;
		if (registeredCount < probes.size()) {
			registeredProbes = new ArrayList<>(registeredCount);
			for (int i = 0; i < probes.size(); i++) {
				if (registered[i]) {
					registeredProbes.add(probes.get(i));
				}
			}
		}
		LoadBalancerModel model = (spec.spread() == Spread.WEIGHTED_BY_HEADER) ? LoadBalancerModel.WEIGHTED
				: LoadBalancerModel.EVEN;
		List<Fraction> spread = new CloudLoadBalancer(model).shares(service, registeredProbes);
		int next = 0;
		for (int i = 0; i < probes.size(); i++) {
			if (registered[i]) {
				this.shares[i] = spread.get(next++);
			}
		}
	}

	/**
	 * MetalLB: L2 elects one node among the candidates, BGP lets every candidate
	 * advertise; the candidates are every speaker under Cluster (when any endpoint can
	 * serve), the speakers with a local endpoint that can serve under Local.
	 */
	private void announce(LoadBalancerSpec spec, Service service, List<Node> nodes, boolean[] registered,
			ServiceEndpoints endpoints) {
		boolean anyCanServe = endpoints.anyCanServe();
		List<String> nodeNames = new ArrayList<>(nodes.size());
		for (Node node : nodes) {
			nodeNames.add(node.name());
		}
		List<Integer> candidates = AnnounceCandidates.of(nodeNames, registered, service.externalPolicyLocal(),
				endpoints::hostsEndpointThatCanServe, anyCanServe);
		List<String> announced = new ArrayList<>();
		if (spec.spread() == Spread.SINGLE_ANNOUNCER) {
			IpAddress ip = service.loadBalancerIps().isEmpty() ? null
					: IpAddress.tryParse(service.loadBalancerIps().get(0));
			if (ip != null) {
				List<String> names = new ArrayList<>(candidates.size());
				for (int index : candidates) {
					names.add(nodes.get(index).name());
				}
				int winner = L2Election.winner(names, ip.toString());
				if (winner >= 0) {
					int index = candidates.get(winner);
					this.shares[index] = Fraction.ONE;
					this.passing[index] = true;
					announced.add(nodes.get(index).name());
				}
			}
			if (announced.isEmpty()) {
				this.failure = (ip == null) ? "the Service has no LB IP for a node to announce"
						: "no node is a candidate (" + (anyCanServe ? "no speaker node hosts an endpoint that can serve"
								: "no endpoint can serve") + "), so nothing answers ARP for " + ip;
			}
		}
		else {
			Fraction each = candidates.isEmpty() ? Fraction.ZERO : Fraction.oneOver(candidates.size());
			for (int index : candidates) {
				this.shares[index] = each;
				this.passing[index] = true;
				announced.add(nodes.get(index).name());
			}
			if (announced.isEmpty()) {
				this.failure = "no node advertises a route ("
						+ (anyCanServe ? "no speaker node hosts an endpoint that can serve" : "no endpoint can serve")
						+ "), so the router has none";
			}
		}
		this.announcing = List.copyOf(announced);
	}

}
