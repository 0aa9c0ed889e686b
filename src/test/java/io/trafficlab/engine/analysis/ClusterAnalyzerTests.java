package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealth;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.CLIENT;
import static io.trafficlab.engine.endpoint.ClusterFixtures.cluster;
import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.node;
import static io.trafficlab.engine.endpoint.ClusterFixtures.nodes;
import static io.trafficlab.engine.endpoint.ClusterFixtures.service;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static io.trafficlab.engine.endpoint.ClusterFixtures.webCluster;
import static io.trafficlab.engine.model.TrafficPolicy.CLUSTER;
import static io.trafficlab.engine.model.TrafficPolicy.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClusterAnalyzer}: every row of semantics §8's worked example
 * (n1/n2/n3, default/web behind LB IP 198.51.100.10), plus drops, warnings, node
 * filtering and shared sets.
 */
class ClusterAnalyzerTests {

	private static final String P1 = "10.244.1.10";

	private static final String P2 = "10.244.2.10";

	private static final String[] N1_PODS = { "10.244.1.10", "10.244.1.11", "10.244.1.12" };

	private final ClusterAnalyzer analyzer = new ClusterAnalyzer();

	@Test
	void analyzeWhenLocal110ShouldSplitHalvesAndKeepTheClientIp() {
		ServiceAnalysis web = analyze(webCluster(LOCAL, 1, 1, 0), LoadBalancerModel.EVEN);
		assertHealthChecks(web, 200, 1, 200, 1, 503, 0);
		assertLbShares(web, f(1, 2), f(1, 2), Fraction.ZERO);
		assertThat(endpointOf(web, P1).externalShare()).isEqualTo(f(1, 2));
		assertThat(endpointOf(web, P2).externalShare()).isEqualTo(f(1, 2));
		assertThat(endpointOf(web, P1).sourcesSeen()).containsExactly(Assertions.entry(CLIENT, f(1, 2)));
		assertSumsToOne(web);
	}

	@Test
	void sourcesSeenSizeWhenNotYetReadShouldEqualTheNumberOfSourcesListed() {
		for (TrafficPolicy policy : TrafficPolicy.values()) {
			ServiceAnalysis web = analyze(webCluster(policy, 3, 1, 0), LoadBalancerModel.EVEN);
			for (EndpointAnalysis endpoint : web.endpoints()) {
				int counted = endpoint.sourcesSeen().size();
				assertThat(counted).isEqualTo(new LinkedHashMap<>(endpoint.sourcesSeen()).size())
					.isEqualTo((policy == CLUSTER) ? 3 : 1);
			}
		}
	}

	@Test
	void analyzeWhenCluster110ShouldSnatToEveryNodeAddress() {
		ServiceAnalysis web = analyze(webCluster(CLUSTER, 1, 1, 0), LoadBalancerModel.EVEN);
		assertThat(web.nodes()).allMatch((node) -> node.healthCheck() == null);
		assertThat(web.nodes()).extracting(NodeAnalysis::proxyHealthz).containsOnly(new ProxyHealth(200, true, true));
		assertLbShares(web, f(1, 3), f(1, 3), f(1, 3));
		assertThat(endpointOf(web, P1).externalShare()).isEqualTo(f(1, 2));
		assertSnatToEveryNode(web, f(1, 6), P1);
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenLocal310WithEvenLbShouldOverloadTheLonePod() {
		ServiceAnalysis web = analyze(webCluster(LOCAL, 3, 1, 0), LoadBalancerModel.EVEN);
		assertHealthChecks(web, 200, 3, 200, 1, 503, 0);
		assertThat(nodeOf(web, "n3").healthCheck().body()).isEqualTo("{\n\t\"service\": {\n\t\t\"namespace\": "
				+ "\"default\",\n\t\t\"name\": \"web\"\n\t},\n\t\"localEndpoints\": 0,\n\t\"serviceProxyHealthy\": true\n}");
		assertLbShares(web, f(1, 2), f(1, 2), Fraction.ZERO);
		for (String pod : N1_PODS) {
			assertThat(endpointOf(web, pod).externalShare()).isEqualTo(f(1, 6));
			assertThat(endpointOf(web, pod).sourcesSeen()).containsExactly(Assertions.entry(CLIENT, f(1, 6)));
		}
		assertThat(endpointOf(web, P2).externalShare()).isEqualTo(f(1, 2));
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenLocal310WithWeightedLbShouldLoadPodsEqually() {
		ServiceAnalysis web = analyze(webCluster(LOCAL, 3, 1, 0), LoadBalancerModel.WEIGHTED);
		assertThat(web.nodes())
			.extracting((node) -> node.healthCheck().headers().get("X-Load-Balancing-Endpoint-Weight"))
			.containsExactly("3", "1", "0");
		assertLbShares(web, f(3, 4), f(1, 4), Fraction.ZERO);
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(f(1, 4));
		assertThat(web.endpoints()).allMatch((endpoint) -> endpoint.sourcesSeen().keySet().equals(Set.of(CLIENT)));
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenCluster310ShouldGiveEveryPodAQuarterFromThreeSources() {
		ServiceAnalysis web = analyze(webCluster(CLUSTER, 3, 1, 0), LoadBalancerModel.EVEN);
		assertLbShares(web, f(1, 3), f(1, 3), f(1, 3));
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(f(1, 4));
		assertSnatToEveryNode(web, f(1, 12), N1_PODS);
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenLocal310AndN2PodTerminatingShouldSendEverythingToN1() {
		List<Endpoint> endpoints = new ArrayList<>(layout(3));
		endpoints.add(endpoint(P2, "n2").servingTerminating().build());
		ServiceAnalysis web = analyze(cluster(nodes(3), web(LOCAL).build(), endpoints), LoadBalancerModel.EVEN);
		assertHealthChecks(web, 200, 3, 503, 0, 503, 0);
		assertLbShares(web, Fraction.ONE, Fraction.ZERO, Fraction.ZERO);
		for (String pod : N1_PODS) {
			assertThat(endpointOf(web, pod).externalShare()).isEqualTo(f(1, 3));
		}
		assertThat(endpointOf(web, P2).externalShare()).isEqualTo(Fraction.ZERO);
		assertThat(endpointOf(web, P2).sourcesSeen()).isEmpty();
		// stragglers that still reach n2 are drained to the terminating pod (R4)
		assertThat(nodeOf(web, "n2").localEndpoints()).containsExactly(P2);
		assertThat(nodeOf(web, "n2").clusterEndpoints()).containsExactly(N1_PODS);
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenCluster310AndN2ToBeDeletedShouldDrainN2() {
		List<Node> nodes = List.of(node(1).build(), node(2).toBeDeleted().build(), node(3).build());
		ServiceAnalysis web = analyze(cluster(nodes, web(CLUSTER).build(), layout(3, 1, 0)), LoadBalancerModel.EVEN);
		assertThat(nodeOf(web, "n2").proxyHealthz()).isEqualTo(new ProxyHealth(503, true, false));
		assertThat(nodeOf(web, "n2").proxyLivez()).isEqualTo(new ProxyHealth(200, true, null));
		assertThat(nodeOf(web, "n2").lbPassing()).isFalse();
		assertLbShares(web, f(1, 2), Fraction.ZERO, f(1, 2));
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(f(1, 4));
		assertThat(endpointOf(web, P1).sourcesSeen()).containsExactly(Assertions.entry("10.244.1.1", f(1, 8)),
				Assertions.entry("192.168.0.13", f(1, 8)));
		assertThat(endpointOf(web, P2).sourcesSeen()).containsExactly(Assertions.entry("192.168.0.11", f(1, 8)),
				Assertions.entry("192.168.0.13", f(1, 8)));
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenLocalAndNoEndpointsShouldRejectEverything() {
		ClusterAnalysis analysis = this.analyzer.analyze(webCluster(LOCAL, 0, 0, 0), options(LoadBalancerModel.EVEN));
		ServiceAnalysis web = analysis.services().get(0);
		assertThat(web.hasAnyEndpoints()).isFalse();
		assertHealthChecks(web, 503, 0, 503, 0, 503, 0);
		assertLbShares(web, f(1, 3), f(1, 3), f(1, 3));
		assertThat(web.rejectedShare()).isEqualTo(Fraction.ONE);
		assertThat(web.droppedShare()).isEqualTo(Fraction.ZERO);
		assertThat(web.endpoints()).isEmpty();
		assertThat(analysis.warnings()).anyMatch((warning) -> warning.contains("fails open"))
			.anyMatch((warning) -> warning.contains("rejects its traffic"));
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenNodePortLocalShouldDropWhatReachesNodesWithoutPods() {
		Service nodePort = service("default", "web").type(ServiceType.NODE_PORT).externalTrafficPolicy(LOCAL).build();
		ServiceAnalysis web = analyze(cluster(nodes(3), nodePort, layout(3, 1, 0)), LoadBalancerModel.EVEN);
		assertThat(web.nodes()).allMatch((node) -> node.healthCheck() == null && node.lbPassing());
		assertLbShares(web, f(1, 3), f(1, 3), f(1, 3));
		assertThat(endpointOf(web, P1).externalShare()).isEqualTo(f(1, 9));
		assertThat(endpointOf(web, P2).externalShare()).isEqualTo(f(1, 3));
		assertThat(web.droppedShare()).isEqualTo(f(1, 3));
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenClientOutsideSourceRangesShouldDropEverything() {
		Service ranged = web(CLUSTER).loadBalancerSourceRanges("10.0.0.0/8").build();
		ClusterAnalysis analysis = this.analyzer.analyze(cluster(nodes(3), ranged, layout(3, 1, 0)),
				options(LoadBalancerModel.EVEN));
		ServiceAnalysis web = analysis.services().get(0);
		assertThat(web.droppedShare()).isEqualTo(Fraction.ONE);
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(Fraction.ZERO);
		assertThat(analysis.warnings()).anyMatch((warning) -> warning.contains("outside loadBalancerSourceRanges"));
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenClusterIpServiceShouldGetNoExternalTraffic() {
		Service plain = service("default", "db").build();
		ClusterAnalysis analysis = this.analyzer.analyze(cluster(nodes(3), plain, layout(1, 1, 1)),
				options(LoadBalancerModel.EVEN));
		ServiceAnalysis db = analysis.services().get(0);
		assertThat(db.nodes()).allMatch((node) -> node.lbShare().isZero() && !node.lbPassing()
				&& node.localEndpoints() == null && node.clusterEndpoints().size() == 3);
		assertThat(db.endpoints()).allMatch((endpoint) -> endpoint.externalShare().isZero());
		assertThat(analysis.warnings())
			.containsExactly("default/db is a ClusterIP Service without externalIPs, so it gets no external traffic");
	}

	@Test
	void analyzeWhenZoneHintsShouldGroupNodesByZone() {
		List<Node> nodes = List.of(node(1).zone("zone-a").build(), node(2).zone("zone-b").build(),
				node(3).zone("zone-b").build());
		List<Endpoint> endpoints = List.of(endpoint(P1, "n1").zoneHints("zone-a").build(),
				endpoint(P2, "n2").zoneHints("zone-b").build());
		ServiceAnalysis web = analyze(cluster(nodes, web(CLUSTER).build(), endpoints), LoadBalancerModel.EVEN);
		assertThat(nodeOf(web, "n1").clusterEndpoints()).containsExactly(P1);
		assertThat(nodeOf(web, "n2").clusterEndpoints()).containsExactly(P2)
			.isSameAs(nodeOf(web, "n3").clusterEndpoints());
		assertThat(endpointOf(web, P1).sourcesSeen()).containsExactly(Assertions.entry("10.244.1.1", f(1, 3)));
		assertThat(endpointOf(web, P2).sourcesSeen()).containsExactly(Assertions.entry("10.244.2.1", f(1, 3)),
				Assertions.entry("192.168.0.13", f(1, 3)));
		assertSumsToOne(web);
	}

	@Test
	void analyzeWhenNodeHintsShouldMergeSourcesInNodeOrder() {
		List<Endpoint> endpoints = List.of(endpoint(P1, "n1").nodeHints("n1").build(),
				endpoint(P2, "n2").nodeHints("n2").build());
		ServiceAnalysis web = analyze(cluster(nodes(3), web(CLUSTER).build(), endpoints), LoadBalancerModel.EVEN);
		assertThat(nodeOf(web, "n3").clusterEndpoints()).containsExactly(P1, P2);
		assertThat(endpointOf(web, P1).externalShare()).isEqualTo(f(1, 2));
		assertThat(endpointOf(web, P1).sourcesSeen()).containsExactly(Assertions.entry("10.244.1.1", f(1, 3)),
				Assertions.entry("192.168.0.13", f(1, 6)));
		assertSumsToOne(web);
	}

	@Test
	void analyzeShouldShareClusterSetsAcrossNodes() {
		ServiceAnalysis web = analyze(webCluster(LOCAL, 3, 1, 0), LoadBalancerModel.EVEN);
		assertThat(nodeOf(web, "n1").clusterEndpoints()).isSameAs(nodeOf(web, "n2").clusterEndpoints())
			.isSameAs(nodeOf(web, "n3").clusterEndpoints());
		assertThat(nodeOf(web, "n3").localEndpoints()).isEmpty();
	}

	@Test
	void analyzeWhenOnlyNodesShouldListThoseAndComputeSharesOverAll() {
		AnalysisOptions options = new AnalysisOptions(LoadBalancerModel.EVEN, CLIENT, Set.of("n3", "n9"));
		ClusterAnalysis analysis = this.analyzer.analyze(webCluster(CLUSTER, 3, 1, 0), options);
		ServiceAnalysis web = analysis.services().get(0);
		assertThat(web.nodes()).extracting(NodeAnalysis::name).containsExactly("n3");
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(f(1, 4));
		assertThat(analysis.warnings()).contains("Node \"n9\" asked for in node= is not in the cluster");
	}

	@Test
	void analyzeSourcesSeenShouldBeUnmodifiable() {
		ServiceAnalysis web = analyze(webCluster(CLUSTER, 1, 1, 0), LoadBalancerModel.EVEN);
		Map<String, Fraction> sources = endpointOf(web, P1).sourcesSeen();
		Assertions.assertThatThrownBy(() -> sources.put("x", Fraction.ONE))
			.isInstanceOf(UnsupportedOperationException.class);
		assertThat(sources).isEqualTo(Map.of("10.244.1.1", f(1, 6), "192.168.0.12", f(1, 6), "192.168.0.13", f(1, 6)));
	}

	@Test
	void analyzeWhenLoadBalancerHasNoIpShouldFollowTheNodePort() {
		Service pending = web(LOCAL).loadBalancerIps().build();
		ClusterAnalysis analysis = this.analyzer.analyze(cluster(nodes(3), pending, layout(3, 1, 0)),
				options(LoadBalancerModel.EVEN));
		ServiceAnalysis web = analysis.services().get(0);
		assertLbShares(web, f(1, 2), f(1, 2), Fraction.ZERO);
		assertThat(endpointOf(web, P2).externalShare()).isEqualTo(f(1, 2));
		assertThat(analysis.warnings()).anyMatch((warning) -> warning.contains("nodePort 30080"));
	}

	@Test
	void analyzeWhenClientIpIsNotAnAddressShouldNameTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.analyzer.analyze(webCluster(LOCAL, 1, 0, 0),
					new AnalysisOptions(LoadBalancerModel.EVEN, "client", null)))
			.withMessage("clientIp: \"client\" is not an IP address");
	}

	private ServiceAnalysis analyze(Cluster cluster, LoadBalancerModel model) {
		return this.analyzer.analyze(cluster, options(model)).services().get(0);
	}

	private static AnalysisOptions options(LoadBalancerModel model) {
		return new AnalysisOptions(model, CLIENT, null);
	}

	private static void assertHealthChecks(ServiceAnalysis web, int... statusAndCount) {
		for (int i = 0; i < web.nodes().size(); i++) {
			HealthCheckResponse check = web.nodes().get(i).healthCheck();
			assertThat(check).isNotNull();
			assertThat(check.status()).isEqualTo(statusAndCount[2 * i]);
			assertThat(check.headers()).containsEntry("X-Load-Balancing-Endpoint-Weight",
					Integer.toString(statusAndCount[2 * i + 1]));
			assertThat(check.body()).contains("\"localEndpoints\": " + statusAndCount[2 * i + 1] + ",");
		}
	}

	/**
	 * Under Cluster with every node taking traffic: each of {@code n1Pods} and n2's pod
	 * sees its own node's bridge and the other nodes' InternalIPs, {@code share} from
	 * each.
	 */
	private static void assertSnatToEveryNode(ServiceAnalysis web, Fraction share, String... n1Pods) {
		for (String pod : n1Pods) {
			assertThat(endpointOf(web, pod).sourcesSeen()).as(pod)
				.containsExactly(Assertions.entry("10.244.1.1", share), Assertions.entry("192.168.0.12", share),
						Assertions.entry("192.168.0.13", share));
		}
		assertThat(endpointOf(web, P2).sourcesSeen()).containsExactly(Assertions.entry("192.168.0.11", share),
				Assertions.entry("10.244.2.1", share), Assertions.entry("192.168.0.13", share));
	}

	private static void assertLbShares(ServiceAnalysis web, Fraction... shares) {
		assertThat(web.nodes()).extracting(NodeAnalysis::lbShare).containsExactly(shares);
	}

	/**
	 * Shares + dropped + rejected sum to exactly 1 for an externally accessible Service.
	 */
	private static void assertSumsToOne(ServiceAnalysis web) {
		Fraction total = web.droppedShare().plus(web.rejectedShare());
		for (EndpointAnalysis endpoint : web.endpoints()) {
			total = total.plus(endpoint.externalShare());
			Fraction fromSources = Fraction.ZERO;
			for (Fraction share : endpoint.sourcesSeen().values()) {
				fromSources = fromSources.plus(share);
			}
			assertThat(fromSources).as("sources of " + endpoint.endpoint().ip()).isEqualTo(endpoint.externalShare());
		}
		assertThat(total).isEqualTo(Fraction.ONE);
		Fraction lbTotal = Fraction.ZERO;
		for (NodeAnalysis node : web.nodes()) {
			lbTotal = lbTotal.plus(node.lbShare());
		}
		assertThat(lbTotal).isEqualTo(Fraction.ONE);
	}

	private static NodeAnalysis nodeOf(ServiceAnalysis web, String name) {
		return web.nodes().stream().filter((node) -> node.name().equals(name)).findFirst().orElseThrow();
	}

	private static EndpointAnalysis endpointOf(ServiceAnalysis web, String ip) {
		return web.endpoints().stream().filter((e) -> e.endpoint().ip().equals(ip)).findFirst().orElseThrow();
	}

	private static Fraction f(long numerator, long denominator) {
		return Fraction.of(numerator, denominator);
	}

}
