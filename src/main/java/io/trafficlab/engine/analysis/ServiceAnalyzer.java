package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.balancer.CloudLoadBalancer;
import io.trafficlab.engine.balancer.ExternalEntry;
import io.trafficlab.engine.balancer.NodeProbe;
import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealthServer;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.PacketFacts;
import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.proxy.Route;
import org.jspecify.annotations.Nullable;

/**
 * Analyzes one Service in O(nodes + endpoints).
 */
final class ServiceAnalyzer {

	private final Service service;

	private final AnalysisOptions options;

	private final CloudLoadBalancer balancer;

	private final List<String> warnings;

	private final List<Node> nodes;

	private final ServiceEndpoints endpoints;

	ServiceAnalyzer(Cluster cluster, Service service, AnalysisOptions options, CloudLoadBalancer balancer,
			List<String> warnings) {
		this.service = service;
		this.options = options;
		this.balancer = balancer;
		this.warnings = warnings;
		this.nodes = cluster.nodes();
		this.endpoints = ServiceEndpoints.of(service, cluster.endpointsOf(service.ref()));
	}

	ServiceAnalysis analyze() {
		int nodeCount = this.nodes.size();
		CategorizedEndpoints[] sets = new CategorizedEndpoints[nodeCount];
		HealthCheckResponse[] healthChecks = new HealthCheckResponse[nodeCount];
		List<NodeProbe> probes = new ArrayList<>(nodeCount);
		Map<Integer, HealthCheckResponse> responses = new HashMap<>();
		boolean hasHealthCheck = ServiceHealthCheck.hasHealthCheck(this.service);
		for (int i = 0; i < nodeCount; i++) {
			Node node = this.nodes.get(i);
			sets[i] = this.endpoints.categorize(node.name(), node.zone());
			if (hasHealthCheck) {
				// identical answers (same count, same health) are shared
				int count = this.endpoints.localReadyIpCount(node.name());
				int key = 2 * count + (node.proxyHealthy() ? 1 : 0);
				healthChecks[i] = responses.computeIfAbsent(key,
						(k) -> ServiceHealthCheck.respond(this.service, node, count));
			}
			probes.add(CloudLoadBalancer.probe(this.service, healthChecks[i], ProxyHealthServer.healthz(node)));
		}
		List<Fraction> lbShares = this.balancer.shares(this.service, probes);
		ExternalFlow flow = new ExternalFlow(this.endpoints.all().size(), this.nodes, this.options.clientIp());
		route(sets, lbShares, flow, probes);
		return new ServiceAnalysis(this.service, this.endpoints.hasAnyEndpoints(),
				nodeAnalyses(sets, healthChecks, probes, lbShares), flow.endpointAnalyses(this.endpoints.all()),
				flow.dropped(), flow.rejected());
	}

	private void route(CategorizedEndpoints[] sets, List<Fraction> lbShares, ExternalFlow flow,
			List<NodeProbe> probes) {
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
		DestinationKind destination = primaryDestination(this.service);
		if (destination == null) {
			this.warnings.add(ref + " has no load-balancer IP, nodePort or external IP yet, so no external traffic "
					+ "can reach it");
			return;
		}
		warnAboutEntry(entry, destination, probes);
		ProxyRules rules = ProxyRules.of(this.service);
		PacketFacts client = PacketFacts.externalClient(destination, this.options.clientIp());
		for (int i = 0; i < sets.length; i++) {
			Fraction share = lbShares.get(i);
			if (share.isZero()) {
				continue;
			}
			Route route = rules.route(sets[i], this.nodes.get(i), client);
			switch (route.verdict()) {
				case DROP -> flow.drop(share);
				case REJECT -> flow.reject(share);
				case DNAT -> flow.deliver(orEmpty(route.endpoints()), route.masquerade(), i, share);
			}
		}
		flow.spreadOverEndpoints();
		if (!this.endpoints.hasAnyEndpoints()) {
			this.warnings.add(ref + " has no ready or serving-terminating endpoints, so kube-proxy rejects its "
					+ "traffic on every node");
		}
		if (rules.sourceRangesApply(destination) && !rules.inSourceRanges(IpAddress.parse(this.options.clientIp()))) {
			this.warnings.add("Client " + this.options.clientIp() + " is outside loadBalancerSourceRanges of " + ref
					+ " (" + joinRanges(rules.sourceRanges()) + "), so kube-proxy drops its traffic to the LB IP");
		}
	}

	private void warnAboutEntry(ExternalEntry entry, DestinationKind destination, List<NodeProbe> probes) {
		String ref = this.service.ref().toString();
		if (entry == ExternalEntry.CLOUD_LOAD_BALANCER && destination != DestinationKind.LOAD_BALANCER_IP) {
			this.warnings.add(ref + " has no VIP-mode load-balancer IP, so external traffic is followed to its "
					+ ((destination == DestinationKind.NODE_PORT) ? "nodePort " + this.service.primaryPort().nodePort()
							: "external IP"));
		}
		if (CloudLoadBalancer.failsOpen(this.service, probes)) {
			this.warnings.add("No node passes the load balancer's health check for " + ref
					+ ", so the load balancer fails open and spreads connections over all " + this.nodes.size()
					+ " nodes");
		}
	}

	/**
	 * The LB IP of a LoadBalancer Service, else the nodePort, else an external IP (R1).
	 */
	static @Nullable DestinationKind primaryDestination(Service service) {
		if (service.type() == ServiceType.LOAD_BALANCER && !service.loadBalancerIps().isEmpty()) {
			return DestinationKind.LOAD_BALANCER_IP;
		}
		boolean hasNodePorts = service.type() == ServiceType.LOAD_BALANCER || service.type() == ServiceType.NODE_PORT;
		if (hasNodePorts && service.primaryPort().nodePort() != 0) {
			return DestinationKind.NODE_PORT;
		}
		return service.externalIps().isEmpty() ? null : DestinationKind.EXTERNAL_IP;
	}

	private List<NodeAnalysis> nodeAnalyses(CategorizedEndpoints[] sets, HealthCheckResponse[] healthChecks,
			List<NodeProbe> probes, List<Fraction> lbShares) {
		Set<String> onlyNodes = this.options.onlyNodes();
		List<NodeAnalysis> result = new ArrayList<>((onlyNodes != null) ? onlyNodes.size() : this.nodes.size());
		for (int i = 0; i < sets.length; i++) {
			Node node = this.nodes.get(i);
			if (onlyNodes != null && !onlyNodes.contains(node.name())) {
				continue;
			}
			result.add(new NodeAnalysis(node.name(), sortedIps(sets[i].cluster()), sortedIps(sets[i].local()),
					healthChecks[i], ProxyHealthServer.healthz(node), ProxyHealthServer.livez(node),
					probes.get(i).passing(), lbShares.get(i)));
		}
		return Collections.unmodifiableList(result);
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
