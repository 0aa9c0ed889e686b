package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.Arrival;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.balancer.LoadBalancerSpec;
import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.PacketTracer;
import io.trafficlab.engine.proxy.SourceClass;
import io.trafficlab.engine.proxy.TraceHop;
import io.trafficlab.engine.proxy.TraceRequest;
import io.trafficlab.engine.proxy.TraceResult;
import io.trafficlab.engine.proxy.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * The packet tracer with a load balancer of the catalogue in front and a dataplane on the
 * node (research §6.3): an external packet to a LoadBalancer Service first takes the LB's
 * step (the destination rewritten to the NodePort, a proxy's new connection from its own
 * address, a passthrough, the one node that answers ARP, the router's ECMP), with the
 * LB's verdict on the node in the reasons; then the node's rules as {@link PacketTracer}
 * walks them; then the source each endpoint sees under the dataplane (Cilium SNAT keeps
 * the arrival source for the node's own backends, DSR for all).
 */
public final class LoadBalancedTracer {

	private final PacketTracer tracer = new PacketTracer();

	/**
	 * @throws IllegalArgumentException naming the bad field, as {@link PacketTracer}
	 * does; also for {@code to=loadBalancerIP} behind an LB that publishes a hostname
	 */
	public TraceResult trace(Cluster cluster, TraceRequest request, LoadBalancerKind kind, Dataplane dataplane) {
		Service service = cluster.services()
			.stream()
			.filter((candidate) -> candidate.ref().equals(request.service()))
			.findFirst()
			.orElse(null);
		boolean external = request.from() == SourceClass.EXTERNAL;
		if (service == null || service.type() != ServiceType.LOAD_BALANCER || !external
				|| request.to() == DestinationKind.CLUSTER_IP) {
			return withDataplane(this.tracer.trace(cluster, request), cluster, request, dataplane, external,
					new ArrayList<>());
		}
		List<String> warnings = new ArrayList<>();
		LoadBalancerSpec spec = LoadBalancerCatalog.of(kind, service, LoadBalancerModel.EVEN, warnings);
		if (!spec.publishesIp() && request.to() == DestinationKind.LOAD_BALANCER_IP) {
			throw new IllegalArgumentException("to: " + kind.apiName() + " publishes a hostname, not an IP, in "
					+ "status.loadBalancer.ingress, so kube-proxy has no rule for the load balancer's address; use "
					+ "to=nodePort, where the load balancer reaches the nodes");
		}
		Service routed = spec.publishesIp() ? service : service.withLoadBalancerIps(List.of());
		Cluster traced = replace(cluster, service, routed);
		Node node = cluster.nodes()
			.stream()
			.filter((candidate) -> candidate.name().equals(request.node()))
			.findFirst()
			.orElse(null);
		if (node == null) {
			return this.tracer.trace(traced, request);
		}
		LoadBalancerAddresses addresses = LoadBalancerAddresses.of(cluster.nodes(),
				PacketTracer.DEFAULT_EXTERNAL_SOURCE);
		String zonal = addresses.inZone(LoadBalancerAddresses.zoneOf(node));
		String client = (request.sourceIp() != null && !request.sourceIp().isBlank()) ? request.sourceIp().trim()
				: PacketTracer.DEFAULT_EXTERNAL_SOURCE;
		boolean proxied = !spec.clientAddressKeptToNode() && spec.arrival() != Arrival.POD_DIRECT;
		String arrival = proxied ? zonal : client;
		TraceRequest atNode = new TraceRequest(request.service(), request.node(), request.from(), request.to(), arrival,
				request.clusterCidr(), request.masqueradeAll(), request.network(), request.mode());
		TraceResult result = this.tracer.trace(traced, atNode);
		ServiceAnalysis analysis = new ServiceAnalyzer(cluster, service,
				new AnalysisOptions(LoadBalancerModel.EVEN, client, null, kind, dataplane, request.network()),
				new ArrayList<>())
			.analyze();
		NodeAnalysis nodeAnalysis = analysis.nodes()
			.stream()
			.filter((candidate) -> candidate.name().equals(node.name()))
			.findFirst()
			.orElseThrow();
		List<String> why = new ArrayList<>();
		List<TraceHop> hops = new ArrayList<>();
		int port = service.primaryPort().port();
		String lbAddress = spec.publishesIp() && !routed.loadBalancerIps().isEmpty() ? routed.loadBalancerIps().get(0)
				: zonal;
		hops.add(new TraceHop("client",
				"new connection from external client " + client + " to the load balancer (" + kind.apiName() + ") at "
						+ lbAddress + ":" + port
						+ (spec.publishesIp() ? "" : ", the address its hostname resolves to in " + zoneName(node)),
				client + ":" + clientPort(), lbAddress + ":" + port));
		String nodeTarget = node.internalIp() + ":" + service.primaryPort().nodePort();
		String sourceAfter = arrival + ":" + clientPort();
		switch (spec.arrival()) {
			case LB_IP -> hops.add(new TraceHop("lb",
					"the load balancer passes the packet to " + node.name()
							+ " unchanged (passthrough: the destination stays the LB IP)",
					sourceAfter, lbAddress + ":" + port));
			case NODE_PORT_REWRITE -> hops.add(new TraceHop("lb",
					"the NLB sends the packet to " + node.name() + "'s NodePort (instance target): destination "
							+ nodeTarget + ", source " + (spec.clientAddressKeptToNode()
									? "kept (client-IP preservation)" : "the NLB's own address " + arrival),
					sourceAfter, nodeTarget));
			case PROXY_TO_NODE_PORT ->
				hops.add(new TraceHop("lb", "the Classic ELB accepts the client's connection and opens its own from "
						+ arrival + " to " + nodeTarget, sourceAfter, nodeTarget));
			case L2_ANNOUNCE -> {
				List<String> announcing = analysis.loadBalancer().announcingNodes();
				String winner = (announcing != null && !announcing.isEmpty()) ? announcing.get(0) : null;
				hops.add(new TraceHop("lb",
						(winner != null) ? winner + " answers ARP for " + lbAddress
								+ ", so every packet for it reaches " + winner : "no node answers ARP for " + lbAddress,
						sourceAfter, lbAddress + ":" + port));
				if (!node.name().equals(winner)) {
					why.add(node.name() + " does not answer ARP for " + lbAddress
							+ ((winner != null) ? " (" + winner + " does)" : "")
							+ ", so no external packet for the LB IP reaches it; what follows is what " + node.name()
							+ " would do with one.");
				}
			}
			case BGP_ECMP -> {
				List<String> advertising = analysis.loadBalancer().announcingNodes();
				int count = (advertising != null) ? advertising.size() : 0;
				boolean advertises = advertising != null && advertising.contains(node.name());
				hops.add(new TraceHop("lb",
						advertises
								? "the router's ECMP picks " + node.name() + " among " + count + " next hop"
										+ ((count == 1) ? "" : "s") + " for " + lbAddress
								: node.name() + " advertises no route for " + lbAddress,
						sourceAfter, lbAddress + ":" + port));
				if (!advertises) {
					why.add(node.name() + " advertises no route for " + lbAddress
							+ ", so the router sends it no packet for the LB IP; what follows is what " + node.name()
							+ " would do with one.");
				}
			}
			case POD_DIRECT -> why.add("With aws-nlb-ip the load balancer sends straight to the pods' IPs: no NodePort "
					+ "and no kube-proxy on the way in; what follows is a packet sent to " + node.name()
					+ "'s NodePort directly, not through the load balancer.");
		}
		ProbeSpec probe = spec.probe();
		if (probe != null && nodeAnalysis.lbHealthy() != null) {
			why.add("The load balancer's probe (" + describe(probe) + ") "
					+ (nodeAnalysis.lbHealthy() ? "passes" : "fails") + " on " + node.name()
					+ "; its share of new connections is " + nodeAnalysis.lbShare() + ".");
		}
		why.addAll(warnings);
		for (TraceHop hop : result.hops()) {
			if (!hop.at().equals("client") && !hop.at().equals("lb")) {
				hops.add(hop);
			}
		}
		for (String reason : result.why()) {
			String kept = reason.startsWith(PacketTracer.LOAD_BALANCER_AVOIDS) ? avoidance(spec, node, reason) : reason;
			if (kept != null) {
				why.add(kept);
			}
		}
		TraceResult combined = new TraceResult(result.verdict(), result.endpoints(), result.masquerade(),
				result.sourceSeenByEndpoint(), List.copyOf(hops), why);
		return withDataplane(combined, cluster, atNode, dataplane, true, new ArrayList<>());
	}

	/**
	 * Cilium's sources for an external packet that kube-proxy's rules would SNAT: SNAT
	 * mode keeps the arrival source for the node's own backends, DSR keeps it for all.
	 */
	private static TraceResult withDataplane(TraceResult result, Cluster cluster, TraceRequest request,
			Dataplane dataplane, boolean external, List<String> why) {
		if (!dataplane.cilium() || !external || result.verdict() != Verdict.DNAT || !result.masquerade()
				|| request.to() == DestinationKind.CLUSTER_IP) {
			return result;
		}
		Node node = cluster.nodes().stream().filter((n) -> n.name().equals(request.node())).findFirst().orElseThrow();
		String arrival = (request.sourceIp() != null && !request.sourceIp().isBlank()) ? request.sourceIp().trim()
				: PacketTracer.DEFAULT_EXTERNAL_SOURCE;
		Map<String, String> nodeOf = new LinkedHashMap<>();
		for (Endpoint endpoint : cluster.endpointsOf(request.service())) {
			nodeOf.putIfAbsent(endpoint.ip(), endpoint.nodeName());
		}
		Map<String, String> seen = new LinkedHashMap<>();
		for (String ip : result.sourceSeenByEndpoint().keySet()) {
			boolean local = node.name().equals(nodeOf.get(ip));
			seen.put(ip, (dataplane == Dataplane.CILIUM_DSR || local) ? arrival : node.internalIp());
		}
		List<String> reasons = new ArrayList<>(result.why());
		reasons.addAll(why);
		reasons.add((dataplane == Dataplane.CILIUM_DSR)
				? "Cilium in DSR mode does not SNAT: a backend on another node gets the service address in an IP "
						+ "option and replies straight to the client, so every backend sees " + arrival + "."
				: "Cilium in SNAT mode reaches a backend on " + node.name() + " before any NAT, so it sees " + arrival
						+ "; a backend on another node sees " + node.name() + "'s InternalIP " + node.internalIp()
						+ ".");
		return new TraceResult(result.verdict(), result.endpoints(), dataplane != Dataplane.CILIUM_DSR, seen,
				result.hops(), reasons);
	}

	private static Cluster replace(Cluster cluster, Service old, Service replacement) {
		if (old == replacement) {
			return cluster;
		}
		List<Service> services = new ArrayList<>(cluster.services());
		services.set(services.indexOf(old), replacement);
		return new Cluster(cluster.nodes(), services, cluster.endpoints(), cluster.pods());
	}

	/**
	 * What keeps the load balancer of {@code spec} off {@code node}, which has no local
	 * endpoint under Local, in place of the kube-proxy tracer's {@code reason} (an HTTP
	 * check of the healthCheckNodePort answering 503); {@code null} when only the probe's
	 * verdict, said above, tells it.
	 */
	private static @Nullable String avoidance(LoadBalancerSpec spec, Node node, String reason) {
		ProbeSpec probe = spec.probe();
		return switch (spec.arrival()) {
			case L2_ANNOUNCE -> "MetalLB probes nothing: under Local only a node with a local endpoint can announce "
					+ "the LB IP, so " + node.name() + " never answers ARP for it.";
			case BGP_ECMP -> "MetalLB probes nothing: under Local only a node with a local endpoint advertises the LB "
					+ "IP over BGP, so the router has no route through " + node.name() + ".";
			case POD_DIRECT -> "The NLB with ip targets never sends to " + node.name() + ": its targets are the "
					+ "pods, whose own port it probes, so the node is not a target at all.";
			default -> (probe != null && probe.target() == ProbeTarget.HEALTH_CHECK_NODE_PORT
					&& probe.protocol() == ProbeProtocol.HTTP) ? reason : null;
		};
	}

	private static String describe(ProbeSpec probe) {
		return probe.protocol().apiName() + " " + ((probe.path() != null) ? probe.path() + " " : "") + "on port "
				+ probe.port();
	}

	private static String zoneName(Node node) {
		@Nullable String zone = node.zone();
		return (zone != null) ? zone : "its zone";
	}

	private static int clientPort() {
		return 51234;
	}

}
