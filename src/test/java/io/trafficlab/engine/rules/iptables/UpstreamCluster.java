package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
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
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The six Services of upstream's {@code TestOverallIPTablesRules}, on its
 * {@code test-node} (192.168.0.2) with the fake proxier's detector 10.0.0.0/8: a
 * ClusterIP, a Local LoadBalancer whose only endpoint has no node, a NodePort, a NodePort
 * with an external IP, a Cluster LoadBalancer with source ranges and ClientIP affinity,
 * and a ClusterIP without endpoints.
 */
final class UpstreamCluster {

	static final String NODE = "test-node";

	static final String DETECTOR = "10.0.0.0/8";

	private UpstreamCluster() {
	}

	static Cluster cluster() {
		List<Service> services = new ArrayList<>();
		services.add(service("ns1", "svc1", ServiceType.CLUSTER_IP, "172.30.0.41", 0).build());
		services.add(service("ns2", "svc2", ServiceType.LOAD_BALANCER, "172.30.0.42", 3001).local(30000)
			.lbIp("1.2.3.4")
			.externalIp("192.168.99.22")
			.build());
		services.add(service("ns3", "svc3", ServiceType.NODE_PORT, "172.30.0.43", 3003).build());
		services
			.add(service("ns4", "svc4", ServiceType.NODE_PORT, "172.30.0.44", 0).externalIp("192.168.99.33").build());
		services.add(service("ns5", "svc5", ServiceType.LOAD_BALANCER, "172.30.0.45", 3002).lbIp("5.6.7.8")
			.sourceRange("203.0.113.0/25")
			.clientIp()
			.build());
		services.add(service("ns6", "svc6", ServiceType.CLUSTER_IP, "172.30.0.46", 0).build());
		Map<ServiceRef, List<Endpoint>> endpoints = Map.of(ref("ns1", "svc1"), List.of(endpoint("10.180.0.1", null)),
				ref("ns2", "svc2"), List.of(endpoint("10.180.0.2", null)), ref("ns3", "svc3"),
				List.of(endpoint("10.180.0.3", null)), ref("ns4", "svc4"),
				List.of(endpoint("10.180.0.4", null), endpoint("10.180.0.5", NODE)), ref("ns5", "svc5"),
				List.of(endpoint("10.180.0.3", null)));
		Node node = new Node(NODE, Map.of(), null, "192.168.0.2", "10.0.0.0/24", "10.0.0.1", List.of(), false, true,
				false);
		return new Cluster(List.of(node), services, endpoints, List.of());
	}

	static Endpoint endpoint(String ip, @Nullable String node) {
		return new Endpoint(ip, node, null, true, true, false, Set.of(), Set.of(), null);
	}

	private static ServiceRef ref(String namespace, String name) {
		return new ServiceRef(namespace, name);
	}

	private static Builder service(String namespace, String name, ServiceType type, String clusterIp, int nodePort) {
		return new Builder(ref(namespace, name), type, clusterIp, nodePort);
	}

	/** A Service with one TCP port {@code p80}, 80 → 80. */
	private static final class Builder {

		private final ServiceRef ref;

		private final ServiceType type;

		private final String clusterIp;

		private final int nodePort;

		private final List<String> lbIps = new ArrayList<>();

		private final List<String> externalIps = new ArrayList<>();

		private final List<String> sourceRanges = new ArrayList<>();

		private TrafficPolicy external = TrafficPolicy.CLUSTER;

		private int healthCheckNodePort;

		private SessionAffinity affinity = SessionAffinity.NONE;

		Builder(ServiceRef ref, ServiceType type, String clusterIp, int nodePort) {
			this.ref = ref;
			this.type = type;
			this.clusterIp = clusterIp;
			this.nodePort = nodePort;
		}

		Builder local(int healthCheckNodePort) {
			this.external = TrafficPolicy.LOCAL;
			this.healthCheckNodePort = healthCheckNodePort;
			return this;
		}

		Builder lbIp(String ip) {
			this.lbIps.add(ip);
			return this;
		}

		Builder externalIp(String ip) {
			this.externalIps.add(ip);
			return this;
		}

		Builder sourceRange(String range) {
			this.sourceRanges.add(range);
			return this;
		}

		Builder clientIp() {
			this.affinity = SessionAffinity.CLIENT_IP;
			return this;
		}

		Service build() {
			boolean accessible = this.type == ServiceType.NODE_PORT || this.type == ServiceType.LOAD_BALANCER
					|| !this.externalIps.isEmpty();
			return new Service(this.ref, this.type, List.of(new ServicePort("p80", "TCP", 80, "80", this.nodePort)),
					Map.of(), this.clusterIp, this.externalIps, this.lbIps, accessible ? this.external : null,
					TrafficPolicy.CLUSTER, this.healthCheckNodePort, this.affinity, 10800, this.sourceRanges, null,
					Map.of());
		}

	}

}
