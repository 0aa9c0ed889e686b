package io.trafficlab.engine.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * Walks one new connection through a node's kube-proxy rules (iptables/nftables
 * semantics, R8–R15).
 * <p>
 * Defaults: an external source is {@value #DEFAULT_EXTERNAL_SOURCE}; a pod source is the
 * {@code .250} address of the arriving node's pod CIDR (the highest address below it that
 * is neither an endpoint nor the bridge when that one is taken, or the last usable
 * address of a smaller CIDR), so a pod on that node that is not itself a backend; a node
 * source is the node's InternalIP. The local-traffic detector defaults to the smallest
 * CIDR that covers every node's pod CIDR. The NodePort destination is the arriving node's
 * InternalIP; LB-IP and external-IP destinations use the Service's first such address;
 * every destination uses the Service's first port.
 */
public final class PacketTracer {

	/**
	 * How the reason starts that says the load balancer's health check keeps it off a
	 * node with no local endpoint under Local: true of an HTTP check of the
	 * healthCheckNodePort, which {@code LoadBalancedTracer} replaces for the load
	 * balancers that do otherwise.
	 */
	public static final String LOAD_BALANCER_AVOIDS = "The cloud load balancer normally avoids ";

	/** The default external client address. */
	public static final String DEFAULT_EXTERNAL_SOURCE = "203.0.113.10";

	/** The client's source port shown in hops (kept through SNAT for readability). */
	static final int CLIENT_PORT = 51234;

	private static final int POD_SOURCE_OFFSET = 250;

	/**
	 * @throws IllegalArgumentException naming the bad field when the Service, node or
	 * destination does not exist
	 */
	public TraceResult trace(Cluster cluster, TraceRequest request) {
		Start start = Start.of(cluster, request);
		Service service = start.service();
		Node node = start.node();
		IpAddress source = start.source();
		Cidr detector = detector(cluster, request.clusterCidr());
		boolean podSource = detector != null && detector.contains(source);
		boolean nodeLocal = nodeLocal(request, node, source);
		PacketFacts facts = new PacketFacts(request.to(), source.toString(), detector != null, podSource, nodeLocal,
				request.masqueradeAll());
		CategorizedEndpoints sets = start.endpoints().categorize(node.name(), node.zone());
		ProxyRules rules = ProxyRules.of(service, request.mode());
		Route route = rules.route(sets, node, facts);
		Map<String, String> seen = sourceSeen(route, node, source, request.network());
		TraceStory story = new TraceStory(service, node, request.from(), start.destination(), facts, detector, sets,
				rules, route, seen, start.defaultSource(), request.network());
		List<String> candidates = (route.endpoints() != null) ? route.endpoints().sortedIps() : List.of();
		return new TraceResult(route.verdict(), candidates, route.masquerade(), seen, story.hops(), story.why());
	}

	/**
	 * The first packet of the connection {@code request} describes, as it arrives at the
	 * node: the same defaults {@link #trace} uses, for walking it through the node's
	 * rules.
	 * @throws IllegalArgumentException naming the bad field, as {@link #trace} does
	 */
	public ArrivingPacket arriving(Cluster cluster, TraceRequest request) {
		Start start = Start.of(cluster, request);
		Destination destination = start.destination();
		return new ArrivingPacket(start.service().primaryPort().protocol().toLowerCase(Locale.ROOT),
				start.source().toString(), destination.address(), destination.port(),
				nodeLocal(request, start.node(), start.source()), request.to() == DestinationKind.NODE_PORT);
	}

	/**
	 * What a trace and an arriving packet both start from: the Service, the node the
	 * packet arrives at, where it is sent, and its source (a default one for {@code from}
	 * when the request names none).
	 */
	private record Start(Service service, Node node, Destination destination, ServiceEndpoints endpoints,
			IpAddress source, boolean defaultSource) {

		static Start of(Cluster cluster, TraceRequest request) {
			Service service = findService(cluster, request);
			Node node = findNode(cluster, request.node());
			Destination destination = Destination.of(service, node, request.to());
			ServiceEndpoints endpoints = ServiceEndpoints.of(service, cluster.endpointsOf(service.ref()));
			String requestedSource = request.sourceIp();
			boolean defaultSource = requestedSource == null || requestedSource.isBlank();
			String sourceIp = defaultSource ? defaultSourceIp(request.from(), node, endpoints) : requestedSource.trim();
			IpAddress source = IpAddress.tryParse(sourceIp);
			if (source == null) {
				throw new IllegalArgumentException("sourceIp: \"" + sourceIp + "\" is not an IP address");
			}
			return new Start(service, node, destination, endpoints, source, defaultSource);
		}

	}

	private static boolean nodeLocal(TraceRequest request, Node node, IpAddress source) {
		return request.from() == SourceClass.NODE || source.equals(IpAddress.tryParse(node.internalIp()))
				|| source.equals(IpAddress.tryParse(node.bridgeIp()));
	}

	private static Service findService(Cluster cluster, TraceRequest request) {
		for (Service service : cluster.services()) {
			if (service.ref().equals(request.service())) {
				if (service.type() == ServiceType.EXTERNAL_NAME) {
					throw new IllegalArgumentException(
							"service: " + service.ref() + " is an ExternalName Service; kube-proxy does not proxy it");
				}
				return service;
			}
		}
		throw new IllegalArgumentException("service: there is no Service " + request.service() + " in the cluster");
	}

	private static Node findNode(Cluster cluster, String name) {
		List<String> names = new ArrayList<>();
		for (Node node : cluster.nodes()) {
			if (node.name().equals(name)) {
				return node;
			}
			if (names.size() < 10) {
				names.add(node.name());
			}
		}
		String known = names.isEmpty() ? "the cluster has no nodes"
				: "nodes: " + String.join(", ", names) + ((cluster.nodes().size() > names.size()) ? ", ..." : "");
		throw new IllegalArgumentException("node: there is no node \"" + name + "\" in the cluster (" + known + ")");
	}

	/**
	 * The local-traffic detector: the given CIDR, none
	 * ({@link TraceRequest#NO_DETECTOR}), or the smallest CIDR covering every node's pod
	 * CIDR. Shared with the rules writers, so that their {@code -s} matches test what the
	 * tracer assumes.
	 * @throws IllegalArgumentException naming {@code clusterCidr} when it is not a CIDR
	 */
	public static @Nullable Cidr detector(Cluster cluster, @Nullable String clusterCidr) {
		if (clusterCidr == null || clusterCidr.isBlank()) {
			List<Cidr> podCidrs = new ArrayList<>();
			for (Node node : cluster.nodes()) {
				Cidr podCidr = Cidr.tryParse(node.podCidr());
				if (podCidr != null) {
					podCidrs.add(podCidr);
				}
			}
			return Cidr.smallestCovering(podCidrs);
		}
		if (TraceRequest.NO_DETECTOR.equalsIgnoreCase(clusterCidr.trim())) {
			return null;
		}
		Cidr cidr = Cidr.tryParse(clusterCidr);
		if (cidr == null || !clusterCidr.contains("/")) {
			throw new IllegalArgumentException("clusterCidr: \"" + clusterCidr
					+ "\" is not a CIDR; give one such as 10.244.0.0/16, or \"none\" for no local-traffic detector");
		}
		return cidr;
	}

	private static String defaultSourceIp(SourceClass from, Node node, ServiceEndpoints endpoints) {
		return switch (from) {
			case EXTERNAL -> DEFAULT_EXTERNAL_SOURCE;
			case NODE -> node.internalIp();
			case POD -> defaultPodIp(node, endpoints);
		};
	}

	/**
	 * An address in the node's pod CIDR that is not a backend of the Service:
	 * {@code .250} of a /24.
	 */
	private static String defaultPodIp(Node node, ServiceEndpoints endpoints) {
		Cidr podCidr = Cidr.tryParse(node.podCidr());
		if (podCidr == null) {
			throw new IllegalArgumentException("sourceIp: node " + node.name() + " has no pod CIDR (\"" + node.podCidr()
					+ "\"), so give the pod's address");
		}
		long size = (podCidr.hostBits() >= 62) ? Long.MAX_VALUE : (1L << podCidr.hostBits());
		long offset = Math.min(POD_SOURCE_OFFSET, Math.max(size - 2, 0));
		Set<String> taken = new HashSet<>();
		taken.add(canonical(node.bridgeIp()));
		for (Endpoint endpoint : endpoints.all()) {
			taken.add(canonical(endpoint.ip()));
		}
		IpAddress candidate = podCidr.network().plus(offset);
		while (offset > 1 && taken.contains(candidate.toString())) {
			offset--;
			candidate = podCidr.network().plus(offset);
		}
		return candidate.toString();
	}

	private static String canonical(String ip) {
		IpAddress address = IpAddress.tryParse(ip);
		return (address != null) ? address.toString() : ip;
	}

	/**
	 * R9, R15: the source each candidate sees ({@link ProxyRules#sourceSeen}).
	 */
	private static Map<String, String> sourceSeen(Route route, Node node, IpAddress source, NetworkModel network) {
		EndpointSet candidates = route.endpoints();
		if (candidates == null) {
			return Map.of();
		}
		Map<String, Endpoint> byIp = new LinkedHashMap<>();
		for (Endpoint endpoint : candidates.endpoints()) {
			byIp.putIfAbsent(endpoint.ip(), endpoint);
		}
		Map<String, String> seen = new LinkedHashMap<>();
		for (String ip : candidates.sortedIps()) {
			seen.put(ip, ProxyRules.sourceSeen(route, node, byIp.get(ip), source, network));
		}
		return Collections.unmodifiableMap(seen);
	}

	/**
	 * iptables prints the probability of rule {@code i} of {@code n} as 1/(n−i) with ten
	 * decimals (R11).
	 */
	static String probability(int remaining) {
		return String.format(Locale.ROOT, "%.10f", 1.0 / remaining);
	}

	/** The address and port a packet is sent to. */
	record Destination(DestinationKind kind, String address, int port, String description) {

		static Destination of(Service service, Node node, DestinationKind kind) {
			int port = service.primaryPort().port();
			String type = service.type().apiName();
			switch (kind) {
				case CLUSTER_IP -> {
					String clusterIp = service.clusterIp();
					if (clusterIp.isBlank() || Service.HEADLESS_CLUSTER_IP.equalsIgnoreCase(clusterIp)) {
						throw new IllegalArgumentException("to: " + service.ref()
								+ " is headless (clusterIP None), so kube-proxy has no ClusterIP rules for it");
					}
					return new Destination(kind, clusterIp, port, "the ClusterIP " + clusterIp + ":" + port);
				}
				case NODE_PORT -> {
					int nodePort = service.primaryPort().nodePort();
					if (nodePort == 0) {
						throw new IllegalArgumentException(
								"to: " + service.ref() + " (" + type + ") has no nodePort; use clusterIP"
										+ (service.loadBalancerIps().isEmpty() ? "" : " or loadBalancerIP")
										+ (service.externalIps().isEmpty() ? "" : " or externalIP"));
					}
					return new Destination(kind, node.internalIp(), nodePort,
							"NodePort " + nodePort + " on " + node.name() + " (" + node.internalIp() + ")");
				}
				case LOAD_BALANCER_IP -> {
					return first(service, kind, service.loadBalancerIps(), "the load-balancer IP",
							"load-balancer IP in VIP mode");
				}
				case EXTERNAL_IP -> {
					return first(service, kind, service.externalIps(), "the external IP", "externalIPs");
				}
				default -> throw new IllegalArgumentException("to: unknown destination " + kind);
			}
		}

		/**
		 * The first of the Service's addresses of a kind it may list several of, at its
		 * port.
		 */
		private static Destination first(Service service, DestinationKind kind, List<String> addresses, String name,
				String field) {
			if (addresses.isEmpty()) {
				throw new IllegalArgumentException(
						"to: " + service.ref() + " (" + service.type().apiName() + ") has no " + field);
			}
			String address = addresses.get(0);
			int port = service.primaryPort().port();
			return new Destination(kind, address, port, name + " " + address + ":" + port);
		}

		String hostPort() {
			return this.address + ":" + this.port;
		}

	}

}
