package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

import io.trafficlab.engine.balancer.Arrival;
import io.trafficlab.engine.balancer.CloudLoadBalancer;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.ExternalEntry;
import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerSpec;
import io.trafficlab.engine.balancer.NodeProbe;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.balancer.Registration;
import io.trafficlab.engine.balancer.Spread;
import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.health.CiliumHealthCheck;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealth;
import io.trafficlab.engine.health.ProxyHealthServer;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.proxy.Decision;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.PacketFacts;
import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.proxy.Route;
import io.trafficlab.engine.proxy.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Analyzes one Service in O(nodes + endpoints): per node the endpoint sets and the
 * health-check answer (from the dataplane), then the load balancer of the catalogue
 * ({@link LoadBalancerCatalog}): which nodes (or pods) it sends to and from which
 * address, then each node's rules.
 */
final class ServiceAnalyzer {

	private final AnalysisOptions options;

	private final List<String> warnings;

	private final List<Node> nodes;

	private final ServiceEndpoints endpoints;

	private final Dataplane dataplane;

	private final @Nullable LoadBalancerSpec spec;

	/** The Service as kube-proxy sees it: without LB IPs behind a hostname LB. */
	private final Service service;

	/**
	 * The probe's reading of each health-check answer: nodes share answers (same count,
	 * same health), so they share its reading too.
	 */
	private final Map<HealthCheckResponse, NodeProbe> probesByAnswer = new IdentityHashMap<>();

	ServiceAnalyzer(Cluster cluster, Service service, AnalysisOptions options, List<String> warnings) {
		this.options = options;
		this.warnings = warnings;
		this.nodes = cluster.nodes();
		this.dataplane = options.dataplane();
		this.endpoints = ServiceEndpoints.of(service, cluster.endpointsOf(service.ref()));
		this.spec = (ExternalEntry.of(service) == ExternalEntry.CLOUD_LOAD_BALANCER)
				? LoadBalancerCatalog.of(options.kind(), service, options.loadBalancer(), warnings) : null;
		this.service = (this.spec != null && !this.spec.publishesIp() && !service.loadBalancerIps().isEmpty())
				? service.withLoadBalancerIps(List.of()) : service;
	}

	ServiceAnalysis analyze() {
		int nodeCount = this.nodes.size();
		CategorizedEndpoints[] sets = new CategorizedEndpoints[nodeCount];
		HealthCheckResponse[] healthChecks = new HealthCheckResponse[nodeCount];
		// once per node: the probe and the node's analysis both read it
		ProxyHealth[] healthz = new ProxyHealth[nodeCount];
		List<NodeProbe> probes = new ArrayList<>(nodeCount);
		// identical answers (same count, same health) are shared
		Map<Integer, HealthCheckResponse> responses = new HashMap<>();
		boolean hasHealthCheck = ServiceHealthCheck.hasHealthCheck(this.service);
		int nodelessReady = this.dataplane.cilium() ? nodelessReadyCount() : 0;
		ProxyRules rules = ProxyRules.of(this.service);
		PacketFacts probeFacts = PacketFacts.externalClient(DestinationKind.NODE_PORT, this.options.clientIp());
		// MetalLB does not probe: its nodes' verdicts are the announcement
		boolean probed = this.spec == null || this.spec.arrival().probes();
		for (int i = 0; i < nodeCount; i++) {
			Node node = this.nodes.get(i);
			sets[i] = this.endpoints.categorize(node.name(), node.zone());
			if (hasHealthCheck) {
				healthChecks[i] = healthCheck(node, this.endpoints.localReadyIpCount(node.name()) + nodelessReady,
						responses);
			}
			healthz[i] = ProxyHealthServer.healthz(node);
			probes.add(probed ? probe(node, healthz[i], healthChecks[i], sets[i], rules, probeFacts)
					: NodeProbe.of(false));
		}
		NodeTargets targets = targets(probes);
		Fraction[] lbShares = targets.shares;
		LoadBalancerAddresses addresses = needsLbAddresses()
				? LoadBalancerAddresses.of(this.nodes, this.options.clientIp()) : null;
		ExternalFlow flow = new ExternalFlow(this.endpoints.all().size(), this.nodes, this.dataplane,
				this.options.network(), arrivalSource(addresses));
		if (this.spec != null && this.spec.arrival() == Arrival.POD_DIRECT) {
			deliverToPods(flow, addresses, lbShares);
		}
		else {
			route(sets, lbShares, flow, targets, rules);
		}
		if (targets.failure != null) {
			flow.drop(Fraction.ONE);
			this.warnings.add(this.service.ref() + ": every new connection fails at the load balancer ("
					+ this.options.kind().apiName() + "): " + targets.failure);
		}
		return new ServiceAnalysis(this.service, this.endpoints.hasAnyEndpoints(),
				nodeAnalyses(sets, healthChecks, healthz, targets, lbShares),
				flow.endpointAnalyses(this.endpoints.all()), flow.dropped(), flow.rejected(),
				loadBalancerAnalysis(targets));
	}

	private HealthCheckResponse healthCheck(Node node, int localEndpoints,
			Map<Integer, HealthCheckResponse> responses) {
		Integer key = 2 * localEndpoints + (node.proxyHealthy() ? 1 : 0);
		HealthCheckResponse response = responses.get(key);
		if (response == null) {
			response = this.dataplane.cilium() ? CiliumHealthCheck.respond(this.service, localEndpoints)
					: ServiceHealthCheck.respond(this.service, node, localEndpoints);
			responses.put(key, response);
		}
		return response;
	}

	/**
	 * What the LB's probe finds on one node: the generic LB as R20 always had it (also
	 * for Services without a cloud LB), the others per their {@link ProbeSpec}.
	 */
	private NodeProbe probe(Node node, ProxyHealth healthz, @Nullable HealthCheckResponse healthCheck,
			CategorizedEndpoints sets, ProxyRules rules, PacketFacts probeFacts) {
		LoadBalancerSpec lb = this.spec;
		ProbeSpec probe = (lb != null) ? lb.probe() : null;
		if (probe == null) {
			return healthCheckProbe(healthCheck, healthz);
		}
		return switch (probe.target()) {
			case HEALTH_CHECK_NODE_PORT -> healthCheckProbe(healthCheck, healthz);
			case PROXY_HEALTHZ -> NodeProbe.of(!this.dataplane.cilium() && healthz.status() == 200);
			case NODE_PORT -> {
				// the probe's SYN is DNATed like any external connection (R8); in steady
				// state every endpoint answers
				Route route = rules.route(sets, node, probeFacts);
				EndpointSet set = route.endpoints();
				yield NodeProbe.of(route.verdict() == Verdict.DNAT && set != null && !set.isEmpty());
			}
			case POD_PORT -> NodeProbe.of(false);
		};
	}

	/** R20: the healthCheckNodePort's answer under Local, else kube-proxy's /healthz. */
	private NodeProbe healthCheckProbe(@Nullable HealthCheckResponse healthCheck, ProxyHealth healthz) {
		if (healthCheck == null || !this.service.externalPolicyLocal()) {
			return CloudLoadBalancer.probe(this.service, healthCheck, healthz);
		}
		NodeProbe probe = this.probesByAnswer.get(healthCheck);
		if (probe == null) {
			probe = CloudLoadBalancer.probe(this.service, healthCheck, healthz);
			this.probesByAnswer.put(healthCheck, probe);
		}
		return probe;
	}

	private NodeTargets targets(List<NodeProbe> probes) {
		LoadBalancerSpec lb = this.spec;
		if (lb == null) {
			return NodeTargets.generic(this.service, new CloudLoadBalancer(this.options.loadBalancer()), probes);
		}
		if (lb.arrival() == Arrival.POD_DIRECT) {
			return NodeTargets.none(this.nodes.size());
		}
		return NodeTargets.of(lb, this.service, this.nodes, probes, this.endpoints);
	}

	private boolean needsLbAddresses() {
		LoadBalancerSpec lb = this.spec;
		return lb != null && !lb.clientAddressKeptToNode();
	}

	/**
	 * The source a node's (or pod's) packets arrive with: the client, or the LB's own.
	 */
	private IntFunction<String> arrivalSource(@Nullable LoadBalancerAddresses addresses) {
		String client = this.options.clientIp();
		if (addresses == null) {
			return (nodeIndex) -> client;
		}
		return (nodeIndex) -> addresses.inZone(LoadBalancerAddresses.zoneOf(this.nodes.get(nodeIndex)));
	}

	private void deliverToPods(ExternalFlow flow, @Nullable LoadBalancerAddresses addresses, Fraction[] lbShares) {
		LoadBalancerSpec lb = Objects.requireNonNull(this.spec);
		String ref = this.service.ref().toString();
		LoadBalancerAddresses zonal = (addresses != null) ? addresses
				: LoadBalancerAddresses.of(this.nodes, this.options.clientIp());
		List<Endpoint> all = this.endpoints.all();
		if (!PodTargets.deliver(lb, all, this.nodes, flow, this.options.clientIp(), zonal, lbShares)) {
			flow.drop(Fraction.ONE);
			this.warnings.add(ref + ": every new connection fails at the load balancer (aws-nlb-ip): its target "
					+ "group is empty (no Ready, non-terminating pod)");
			return;
		}
		this.warnings.add(ref + ": with ip targets the NLB sends straight to the pods' IPs: no NodePort, no "
				+ "kube-proxy on the way in, so externalTrafficPolicy changes nothing here"
				+ (lb.clientAddressKeptToNode() ? ""
						: "; without client-IP preservation (the default for ip targets) pods see the NLB's address"));
	}

	private void route(CategorizedEndpoints[] sets, Fraction[] lbShares, ExternalFlow flow, NodeTargets targets,
			ProxyRules rules) {
		ExternalEntry entry = ExternalEntry.of(this.service);
		String ref = this.service.ref().toString();
		if (entry == ExternalEntry.NONE) {
			if (this.service.type() == ServiceType.EXTERNAL_NAME) {
				this.warnings.add(ref + " is an ExternalName Service: kube-proxy does not proxy it");
			}
			else {
				this.warnings.add(ref + " is a ClusterIP Service without externalIPs, so it gets no external traffic");
			}
			return;
		}
		DestinationKind destination = DestinationKind.primaryOf(this.service);
		if (destination == null) {
			this.warnings.add(ref + " has no load-balancer IP, nodePort or external IP yet, so no external traffic "
					+ "can reach it");
			return;
		}
		warnAboutEntry(entry, destination, targets);
		Map<String, PacketFacts> factsBySource = new HashMap<>(4);
		for (int i = 0; i < sets.length; i++) {
			Fraction share = lbShares[i];
			if (share.isZero()) {
				continue;
			}
			String source = flowSource(flow, i);
			PacketFacts facts = factsBySource.get(source);
			if (facts == null) {
				facts = PacketFacts.externalClient(destination, source);
				factsBySource.put(source, facts);
			}
			Route route = rules.route(sets[i], this.nodes.get(i), facts);
			switch (route.verdict()) {
				case DROP -> flow.drop(share);
				case REJECT -> flow.reject(share);
				case DNAT -> flow.deliver(orEmpty(route.endpoints()),
						route.masquerade() && this.dataplane != Dataplane.CILIUM_DSR,
						route.decision() == Decision.EXTERNAL_LOCAL, i, share);
			}
		}
		flow.spreadOverEndpoints();
		if (!this.endpoints.hasAnyEndpoints()) {
			this.warnings.add(ref + " has no ready or serving-terminating endpoints, so "
					+ (this.dataplane.cilium() ? "Cilium rejects" : "kube-proxy rejects")
					+ " its traffic on every node");
		}
		if (rules.firewallApplies(this.endpoints.hasAnyEndpoints(), destination)
				&& !rules.inSourceRanges(IpAddress.parse(this.options.clientIp()))) {
			this.warnings.add("Client " + this.options.clientIp() + " is outside loadBalancerSourceRanges of " + ref
					+ " (" + joinRanges(rules.sourceRanges()) + "), so kube-proxy drops its traffic to the LB IP");
		}
	}

	private String flowSource(ExternalFlow flow, int nodeIndex) {
		LoadBalancerSpec lb = this.spec;
		if (lb == null || lb.clientAddressKeptToNode()) {
			return this.options.clientIp();
		}
		return flow.arrivalSourceOf(nodeIndex);
	}

	private void warnAboutEntry(ExternalEntry entry, DestinationKind destination, NodeTargets targets) {
		String ref = this.service.ref().toString();
		LoadBalancerSpec lb = this.spec;
		if (lb != null && !lb.publishesIp()) {
			this.warnings.add(ref + ": " + this.options.kind().apiName() + " publishes a hostname, not an IP, in "
					+ "status.loadBalancer.ingress, so kube-proxy programs no LB-IP rule: external traffic is "
					+ "followed to its nodePort " + this.service.primaryPort().nodePort()
					+ ", and in-cluster clients calling the load balancer go out through it");
		}
		else if (entry == ExternalEntry.CLOUD_LOAD_BALANCER && destination != DestinationKind.LOAD_BALANCER_IP) {
			this.warnings.add(ref + " has no VIP-mode load-balancer IP, so external traffic is followed to its "
					+ ((destination == DestinationKind.NODE_PORT) ? "nodePort " + this.service.primaryPort().nodePort()
							: "external IP"));
		}
		ProbeSpec probe = (lb != null) ? lb.probe() : null;
		if (probe != null && probe.target() == ProbeTarget.PROXY_HEALTHZ && this.dataplane.cilium()) {
			this.warnings.add(ref + ": " + this.options.kind().apiName() + " checks kube-proxy's :"
					+ LoadBalancerCatalog.PROXY_HEALTH_PORT + "/healthz, which Cilium does not serve by default "
					+ "(kubeProxyReplacementHealthzBindAddr is unset), so every check is refused");
		}
		if (targets.failure == null && targets.failedOpen) {
			this.warnings.add("No node passes the load balancer's health check for " + ref
					+ ", so the load balancer fails open and spreads connections over all "
					+ ((lb == null || lb.registration() == Registration.ALL_NODES) ? this.nodes.size() + " nodes"
							: "the nodes it registers")
					+ ((lb != null && lb.spread() == Spread.PER_ZONE) ? ", zone by zone" : ""));
		}
		if (lb != null && lb.kind() == LoadBalancerKind.METALLB_L2 && this.service.externalPolicyLocal()) {
			this.warnings.add(ref + ": MetalLB in layer-2 mode sends all of the LB IP's traffic to the one node that "
					+ "answers ARP; under Local, pods on other nodes get none of it");
		}
	}

	private @Nullable LoadBalancerAnalysis loadBalancerAnalysis(NodeTargets targets) {
		LoadBalancerSpec lb = this.spec;
		if (lb == null) {
			return null;
		}
		Spread spread = lb.spreading();
		if (spread == Spread.WEIGHTED_BY_HEADER && !ServiceHealthCheck.hasHealthCheck(this.service)) {
			// R18: only the healthCheckNodePort sends X-Load-Balancing-Endpoint-Weight;
			// kube-proxy's /healthz, probed under Cluster (R20), carries none
			spread = Spread.EVEN;
		}
		return new LoadBalancerAnalysis(lb.kind(), lb.probe(), lb.clientAddressKeptToNode(), targets.announcing, spread,
				lb.noHealthy());
	}

	private List<NodeAnalysis> nodeAnalyses(CategorizedEndpoints[] sets, HealthCheckResponse[] healthChecks,
			ProxyHealth[] healthz, NodeTargets targets, Fraction[] lbShares) {
		Set<String> onlyNodes = this.options.onlyNodes();
		boolean cilium = this.dataplane.cilium();
		List<NodeAnalysis> result = new ArrayList<>((onlyNodes != null) ? onlyNodes.size() : this.nodes.size());
		for (int i = 0; i < sets.length; i++) {
			Node node = this.nodes.get(i);
			if (onlyNodes != null && !onlyNodes.contains(node.name())) {
				continue;
			}
			boolean passing = (this.spec != null && this.spec.arrival() == Arrival.POD_DIRECT) ? !lbShares[i].isZero()
					: targets.passing[i];
			result.add(new NodeAnalysis(node.name(), sortedIps(sets[i].cluster()), sortedIps(sets[i].local()),
					healthChecks[i], cilium ? null : healthz[i], cilium ? null : ProxyHealthServer.livez(node), passing,
					lbShares[i], targets.healthy[i]));
		}
		return Collections.unmodifiableList(result);
	}

	/** Cilium counts a backend without a node name as local on every node. */
	private int nodelessReadyCount() {
		int count = 0;
		for (Endpoint endpoint : this.endpoints.all()) {
			if (endpoint.ready() && endpoint.nodeName() == null) {
				count++;
			}
		}
		return count;
	}

	private static @Nullable List<String> sortedIps(@Nullable EndpointSet set) {
		return (set != null) ? set.sortedIps() : null;
	}

	private static EndpointSet orEmpty(@Nullable EndpointSet set) {
		return (set != null) ? set : EndpointSet.empty();
	}

	private static String joinRanges(List<Cidr> ranges) {
		List<String> text = new ArrayList<>();
		for (Cidr range : ranges) {
			text.add(range.toString());
		}
		return String.join(", ", text);
	}

}
