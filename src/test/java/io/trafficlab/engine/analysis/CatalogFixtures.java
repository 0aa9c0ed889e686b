package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.endpoint.ClusterFixtures;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;

import static io.trafficlab.engine.endpoint.ClusterFixtures.node;

/**
 * The research's fixture (§7.1): the {@code uneven-3-1-0} layout with n1, n2, n3 in zones
 * a, b, c (or as given), client {@code 203.0.113.10}, and the LB's zonal addresses
 * {@code 172.16.0.10}, {@code .11}, {@code .12}.
 */
final class CatalogFixtures {

	static final String C = ClusterFixtures.CLIENT;

	static final String A_A = "172.16.0.10";

	static final String A_B = "172.16.0.11";

	static final String A_C = "172.16.0.12";

	static final String N1 = "192.168.0.11";

	static final String N2 = "192.168.0.12";

	static final String N3 = "192.168.0.13";

	static final String BRIDGE_1 = "10.244.1.1";

	static final String BRIDGE_2 = "10.244.2.1";

	static final String BRIDGE_3 = "10.244.3.1";

	static final List<String> WEB_1_TO_3 = List.of("10.244.1.10", "10.244.1.11", "10.244.1.12");

	static final String WEB_4 = "10.244.2.10";

	private CatalogFixtures() {
	}

	static List<Node> zonedNodes(String... zones) {
		List<Node> nodes = new ArrayList<>();
		for (int i = 0; i < zones.length; i++) {
			nodes.add(node(i + 1).zone(zones[i]).build());
		}
		return nodes;
	}

	static Cluster cluster(List<Node> nodes, Service service, List<Endpoint> endpoints) {
		return ClusterFixtures.cluster(nodes, service, endpoints);
	}

	static Cluster uneven(Service service) {
		return cluster(zonedNodes("zone-a", "zone-b", "zone-c"), service, ClusterFixtures.layout(3, 1, 0));
	}

	static ClusterAnalysis analyzeAll(Cluster cluster, LoadBalancerKind kind, Dataplane dataplane,
			LoadBalancerModel model) {
		return new ClusterAnalyzer().analyze(cluster, new AnalysisOptions(model, C, null, kind, dataplane));
	}

	static ServiceAnalysis analyze(Cluster cluster, LoadBalancerKind kind, Dataplane dataplane) {
		return analyzeAll(cluster, kind, dataplane, LoadBalancerModel.EVEN).services().get(0);
	}

	static Fraction f(long numerator, long denominator) {
		return Fraction.of(numerator, denominator);
	}

	/** Ordered source map: address, share, address, share, … */
	static Map<String, Fraction> sources(Object... pairs) {
		Map<String, Fraction> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Fraction) pairs[i + 1]);
		}
		return map;
	}

	static EndpointAnalysis endpoint(ServiceAnalysis analysis, String ip) {
		return analysis.endpoints()
			.stream()
			.filter((endpoint) -> endpoint.endpoint().ip().equals(ip))
			.findFirst()
			.orElseThrow();
	}

	static List<Fraction> lbShares(ServiceAnalysis analysis) {
		return analysis.nodes().stream().map(NodeAnalysis::lbShare).toList();
	}

	static List<Boolean> lbHealthy(ServiceAnalysis analysis) {
		return analysis.nodes().stream().map(NodeAnalysis::lbHealthy).toList();
	}

}
