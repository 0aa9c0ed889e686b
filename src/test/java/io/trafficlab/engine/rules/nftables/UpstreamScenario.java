package io.trafficlab.engine.rules.nftables;

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
import io.trafficlab.engine.model.TrafficPolicy;

/**
 * The six Services of upstream's {@code TestOverallNFTablesRules} (its conventions: node
 * {@code test-node} at 192.168.0.2, pods in 10.0.0.0/8, ClusterIPs 172.30.0.4x), so that
 * the written transaction can be read line by line against upstream's expected text.
 */
final class UpstreamScenario {

	static final String NODE = "test-node";

	static final String POD_CIDR = "10.0.0.0/8";

	private UpstreamScenario() {
	}

	static Cluster cluster() {
		Node node = new Node(NODE, Map.of(), null, "192.168.0.2", "10.0.1.0/24", "10.0.1.1", List.of(), false, true,
				false);
		Map<ServiceRef, List<Endpoint>> endpoints = new LinkedHashMap<>();
		Service svc1 = service("ns1", "svc1", ServiceType.CLUSTER_IP, "172.30.0.41", 0, List.of(), List.of(), null,
				SessionAffinity.NONE, List.of());
		endpoints.put(svc1.ref(), List.of(endpoint("10.180.0.1", null)));
		Service svc2 = service("ns2", "svc2", ServiceType.LOAD_BALANCER, "172.30.0.42", 3001, List.of("192.168.99.22"),
				List.of("1.2.3.4"), TrafficPolicy.LOCAL, SessionAffinity.NONE, List.of());
		endpoints.put(svc2.ref(), List.of(endpoint("10.180.0.2", null)));
		Service svc3 = service("ns3", "svc3", ServiceType.NODE_PORT, "172.30.0.43", 3003, List.of(), List.of(),
				TrafficPolicy.CLUSTER, SessionAffinity.NONE, List.of());
		endpoints.put(svc3.ref(), List.of(endpoint("10.180.0.3", null)));
		Service svc4 = service("ns4", "svc4", ServiceType.NODE_PORT, "172.30.0.44", 0, List.of("192.168.99.33"),
				List.of(), TrafficPolicy.CLUSTER, SessionAffinity.NONE, List.of());
		endpoints.put(svc4.ref(), List.of(endpoint("10.180.0.4", null), endpoint("10.180.0.5", NODE)));
		Service svc5 = service("ns5", "svc5", ServiceType.LOAD_BALANCER, "172.30.0.45", 3002, List.of(),
				List.of("5.6.7.8"), TrafficPolicy.CLUSTER, SessionAffinity.CLIENT_IP, List.of("203.0.113.0/25"));
		endpoints.put(svc5.ref(), List.of(endpoint("10.180.0.3", null)));
		Service svc6 = service("ns6", "svc6", ServiceType.CLUSTER_IP, "172.30.0.46", 0, List.of(), List.of(), null,
				SessionAffinity.NONE, List.of());
		return new Cluster(List.of(node), List.of(svc1, svc2, svc3, svc4, svc5, svc6), endpoints, List.of());
	}

	private static Service service(String namespace, String name, ServiceType type, String clusterIp, int nodePort,
			List<String> externalIps, List<String> lbIps, TrafficPolicy externalPolicy, SessionAffinity affinity,
			List<String> sourceRanges) {
		return new Service(new ServiceRef(namespace, name), type,
				List.of(new ServicePort("p80", "TCP", 80, "80", nodePort)), Map.of(), clusterIp, externalIps, lbIps,
				externalPolicy, TrafficPolicy.CLUSTER, 0, affinity, 10800, sourceRanges, null, Map.of());
	}

	private static Endpoint endpoint(String ip, String node) {
		return new Endpoint(ip, node, null, true, true, false, Set.of(), Set.of(), null);
	}

}
