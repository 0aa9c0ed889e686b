package io.trafficlab.engine.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Builds test clusters straight from the model records. The default layout is the
 * semantics doc's §8 worked example: nodes n1/n2/n3 with InternalIP 192.168.0.11/12/13,
 * pod CIDR 10.244.N.0/24 and bridge 10.244.N.1, and Service default/web, a LoadBalancer
 * with LB IP 198.51.100.10, port 80 → 8080, nodePort 30080 and (under Local)
 * healthCheckNodePort 32000. Pods on node N are 10.244.N.10, .11, ...
 */
public final class ClusterFixtures {

	public static final ServiceRef WEB = new ServiceRef("default", "web");

	public static final String LB_IP = "198.51.100.10";

	public static final String CLUSTER_IP = "10.96.0.50";

	public static final String EXTERNAL_IP_ADDRESS = "192.0.2.50";

	public static final String CLIENT = "203.0.113.10";

	public static final int NODE_PORT = 30080;

	public static final int HEALTH_CHECK_NODE_PORT = 32000;

	private ClusterFixtures() {
	}

	/** Node {@code n<number>} of the §8 layout. */
	public static NodeBuilder node(int number) {
		return new NodeBuilder("n" + number, "192.168.0." + (10 + number), "10.244." + number + ".0/24",
				"10.244." + number + ".1");
	}

	/** Nodes n1..n{count}. */
	public static List<Node> nodes(int count) {
		List<Node> nodes = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			nodes.add(node(i).build());
		}
		return nodes;
	}

	/** The IP of the {@code index}-th (0-based) pod on node {@code number}. */
	public static String podIp(int number, int index) {
		return "10.244." + number + "." + (10 + index);
	}

	/** Ready endpoints: {@code podsPerNode[i]} pods on node n{i+1}. */
	public static List<Endpoint> layout(int... podsPerNode) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (int i = 0; i < podsPerNode.length; i++) {
			for (int j = 0; j < podsPerNode[i]; j++) {
				endpoints.add(endpoint(podIp(i + 1, j), "n" + (i + 1)).build());
			}
		}
		return endpoints;
	}

	public static EndpointBuilder endpoint(String ip, @Nullable String node) {
		return new EndpointBuilder(ip, node);
	}

	/** default/web, LoadBalancer, with the given external traffic policy. */
	public static ServiceBuilder web(TrafficPolicy externalTrafficPolicy) {
		return new ServiceBuilder(WEB).type(ServiceType.LOAD_BALANCER)
			.loadBalancerIps(LB_IP)
			.externalTrafficPolicy(externalTrafficPolicy)
			.healthCheckNodePort((externalTrafficPolicy == TrafficPolicy.LOCAL) ? HEALTH_CHECK_NODE_PORT : 0);
	}

	public static ServiceBuilder service(String namespace, String name) {
		return new ServiceBuilder(new ServiceRef(namespace, name));
	}

	/** A cluster with one Service. */
	public static Cluster cluster(List<Node> nodes, Service service, List<Endpoint> endpoints) {
		return new Cluster(nodes, List.of(service), Map.of(service.ref(), endpoints), List.of());
	}

	/**
	 * The §8 cluster: three nodes, default/web with the given policy and pods per node.
	 */
	public static Cluster webCluster(TrafficPolicy externalTrafficPolicy, int... podsPerNode) {
		return cluster(nodes(3), web(externalTrafficPolicy).build(), layout(podsPerNode));
	}

	/** Builds a {@link Node}. */
	public static final class NodeBuilder {

		private final String name;

		private final String internalIp;

		private final String podCidr;

		private final String bridgeIp;

		private @Nullable String zone;

		private final List<Taint> taints = new ArrayList<>();

		private boolean deleting;

		private boolean proxyHealthy = true;

		NodeBuilder(String name, String internalIp, String podCidr, String bridgeIp) {
			this.name = name;
			this.internalIp = internalIp;
			this.podCidr = podCidr;
			this.bridgeIp = bridgeIp;
		}

		public NodeBuilder zone(@Nullable String zone) {
			this.zone = zone;
			return this;
		}

		public NodeBuilder taint(String key, String effect) {
			this.taints.add(new Taint(key, null, effect));
			return this;
		}

		public NodeBuilder toBeDeleted() {
			return taint(Taint.TO_BE_DELETED_KEY, "NoSchedule");
		}

		public NodeBuilder deleting() {
			this.deleting = true;
			return this;
		}

		public NodeBuilder proxyUnhealthy() {
			this.proxyHealthy = false;
			return this;
		}

		public Node build() {
			Map<String, String> labels = (this.zone != null) ? Map.of("topology.kubernetes.io/zone", this.zone)
					: Map.of();
			return new Node(this.name, labels, this.zone, this.internalIp, this.podCidr, this.bridgeIp, this.taints,
					this.deleting, this.proxyHealthy, false);
		}

	}

	/** Builds an {@link Endpoint}: Ready and serving by default. */
	public static final class EndpointBuilder {

		private final String ip;

		private final @Nullable String node;

		private boolean ready = true;

		private boolean serving = true;

		private boolean terminating;

		private Set<String> zoneHints = Set.of();

		private Set<String> nodeHints = Set.of();

		private @Nullable String zone;

		EndpointBuilder(String ip, @Nullable String node) {
			this.ip = ip;
			this.node = node;
		}

		public EndpointBuilder conditions(boolean ready, boolean serving, boolean terminating) {
			this.ready = ready;
			this.serving = serving;
			this.terminating = terminating;
			return this;
		}

		/** Not ready, serving, terminating: the fallback kube-proxy uses. */
		public EndpointBuilder servingTerminating() {
			return conditions(false, true, true);
		}

		public EndpointBuilder notReady() {
			return conditions(false, false, false);
		}

		public EndpointBuilder zone(String zone) {
			this.zone = zone;
			return this;
		}

		public EndpointBuilder zoneHints(String... zones) {
			this.zoneHints = Set.of(zones);
			return this;
		}

		public EndpointBuilder nodeHints(String... nodes) {
			this.nodeHints = Set.of(nodes);
			return this;
		}

		public Endpoint build() {
			return new Endpoint(this.ip, this.node, this.zone, this.ready, this.serving, this.terminating,
					this.zoneHints, this.nodeHints, (this.node != null) ? "web-" + this.ip.replace('.', '-') : null);
		}

	}

	/**
	 * Builds a {@link Service}: ClusterIP, port 80 → 8080, policies Cluster, by default.
	 */
	public static final class ServiceBuilder {

		private final ServiceRef ref;

		private ServiceType type = ServiceType.CLUSTER_IP;

		private int nodePort = NODE_PORT;

		private String portName = "";

		private String clusterIp = CLUSTER_IP;

		private List<String> externalIps = List.of();

		private List<String> loadBalancerIps = List.of();

		private @Nullable TrafficPolicy externalTrafficPolicy;

		private TrafficPolicy internalTrafficPolicy = TrafficPolicy.CLUSTER;

		private int healthCheckNodePort;

		private SessionAffinity sessionAffinity = SessionAffinity.NONE;

		private List<String> loadBalancerSourceRanges = List.of();

		private final Map<String, String> annotations = new LinkedHashMap<>();

		ServiceBuilder(ServiceRef ref) {
			this.ref = ref;
		}

		public ServiceBuilder type(ServiceType type) {
			this.type = type;
			return this;
		}

		public ServiceBuilder nodePort(int nodePort) {
			this.nodePort = nodePort;
			return this;
		}

		public ServiceBuilder portName(String portName) {
			this.portName = portName;
			return this;
		}

		public ServiceBuilder clusterIp(String clusterIp) {
			this.clusterIp = clusterIp;
			return this;
		}

		public ServiceBuilder externalIps(String... ips) {
			this.externalIps = Arrays.asList(ips);
			return this;
		}

		public ServiceBuilder loadBalancerIps(String... ips) {
			this.loadBalancerIps = Arrays.asList(ips);
			return this;
		}

		public ServiceBuilder externalTrafficPolicy(@Nullable TrafficPolicy policy) {
			this.externalTrafficPolicy = policy;
			return this;
		}

		public ServiceBuilder internalTrafficPolicy(TrafficPolicy policy) {
			this.internalTrafficPolicy = policy;
			return this;
		}

		public ServiceBuilder healthCheckNodePort(int port) {
			this.healthCheckNodePort = port;
			return this;
		}

		public ServiceBuilder clientIpAffinity() {
			this.sessionAffinity = SessionAffinity.CLIENT_IP;
			return this;
		}

		public ServiceBuilder loadBalancerSourceRanges(String... ranges) {
			this.loadBalancerSourceRanges = Arrays.asList(ranges);
			return this;
		}

		public ServiceBuilder annotation(String key, String value) {
			this.annotations.put(key, value);
			return this;
		}

		public Service build() {
			boolean nodePorts = this.type == ServiceType.NODE_PORT || this.type == ServiceType.LOAD_BALANCER;
			ServicePort port = new ServicePort(this.portName, "TCP", 80, "8080", nodePorts ? this.nodePort : 0);
			return new Service(this.ref, this.type, List.of(port), Map.of("app", this.ref.name()), this.clusterIp,
					this.externalIps, this.loadBalancerIps, this.externalTrafficPolicy, this.internalTrafficPolicy,
					this.healthCheckNodePort, this.sessionAffinity, 10800, this.loadBalancerSourceRanges, null,
					this.annotations);
		}

	}

}
