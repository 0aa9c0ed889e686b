package io.trafficlab.engine.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.balancer.NoHealthy;
import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.balancer.Spread;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.trafficlab.engine.analysis.CatalogFixtures.A_A;
import static io.trafficlab.engine.analysis.CatalogFixtures.A_B;
import static io.trafficlab.engine.analysis.CatalogFixtures.BRIDGE_1;
import static io.trafficlab.engine.analysis.CatalogFixtures.BRIDGE_2;
import static io.trafficlab.engine.analysis.CatalogFixtures.C;
import static io.trafficlab.engine.analysis.CatalogFixtures.N1;
import static io.trafficlab.engine.analysis.CatalogFixtures.N2;
import static io.trafficlab.engine.analysis.CatalogFixtures.N3;
import static io.trafficlab.engine.analysis.CatalogFixtures.WEB_1_TO_3;
import static io.trafficlab.engine.analysis.CatalogFixtures.WEB_4;
import static io.trafficlab.engine.analysis.CatalogFixtures.analyzeAll;
import static io.trafficlab.engine.analysis.CatalogFixtures.endpoint;
import static io.trafficlab.engine.analysis.CatalogFixtures.f;
import static io.trafficlab.engine.analysis.CatalogFixtures.lbHealthy;
import static io.trafficlab.engine.analysis.CatalogFixtures.lbShares;
import static io.trafficlab.engine.analysis.CatalogFixtures.sources;
import static io.trafficlab.engine.analysis.CatalogFixtures.uneven;
import static io.trafficlab.engine.endpoint.ClusterFixtures.LB_IP;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static io.trafficlab.engine.model.TrafficPolicy.CLUSTER;
import static io.trafficlab.engine.model.TrafficPolicy.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Research §7.2: 3/1/0 (n1 zone-a with web-1..3, n2 zone-b with web-4, n3 zone-c empty)
 * behind every load balancer of the catalogue, both policies, kube-proxy. Every row:
 * nothing dropped or rejected, pod shares sum to 1.
 */
class LoadBalancerTableTests {

	private static final String ATTRIBUTES = "service.beta.kubernetes.io/aws-load-balancer-target-group-attributes";

	private static final String GKE_WEIGHTED = "networking.gke.io/weighted-load-balancing";

	private static final Boolean T = Boolean.TRUE;

	private static final Boolean F = Boolean.FALSE;

	private static final Fraction HALF = f(1, 2);

	private static final Fraction THIRD = f(1, 3);

	private static final Fraction QUARTER = f(1, 4);

	/**
	 * The LBs that probe healthCheckNodePort under Local: its two nodes with pods pass
	 * and get half each, the client's address is kept.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource
	void localRows(String row, LoadBalancerKind kind, ProbeSpec probe, List<String> ingressIps) {
		ServiceAnalysis web = row(kind, LOCAL, LoadBalancerModel.EVEN);
		assertProbe(web, probe);
		assertNodes(web, List.of(T, T, F), HALF, HALF, Fraction.ZERO);
		assertLocalHalves(web);
		assertLb(web, true, null, ingressIps);
	}

	static Stream<Arguments> localRows() {
		return Stream.of(
				arguments("row 1: generic, even", LoadBalancerKind.GENERIC,
						http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 32000, 8, 1, 1, 3), List.of(LB_IP)),
				arguments("row 4: AWS NLB, instance targets", LoadBalancerKind.AWS_NLB_INSTANCE,
						http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 32000, 10, 6, 2, 2), List.of()),
				arguments("row 9: GKE passthrough", LoadBalancerKind.GKE_PASSTHROUGH,
						http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 32000, 3, 1, 1, 2), List.of(LB_IP)),
				arguments("row 11: Azure", LoadBalancerKind.AZURE,
						http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 32000, 5, 5, 2, 2), List.of(LB_IP)));
	}

	/**
	 * The LBs that send to every node under Cluster: each passes and gets a third, and
	 * kube-proxy spreads it over all four pods.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource
	void clusterRows(String row, LoadBalancerKind kind, ProbeSpec probe) {
		ServiceAnalysis web = row(kind, CLUSTER, LoadBalancerModel.EVEN);
		assertProbe(web, probe);
		assertNodes(web, List.of(T, T, T), THIRD, THIRD, THIRD);
		assertK3(web);
	}

	static Stream<Arguments> clusterRows() {
		return Stream.of(
				arguments("row 2: generic, even", LoadBalancerKind.GENERIC,
						http(ProbeTarget.PROXY_HEALTHZ, 10256, 8, 1, 1, 3)),
				arguments("row 5: AWS NLB, instance targets", LoadBalancerKind.AWS_NLB_INSTANCE,
						tcp(ProbeTarget.NODE_PORT, 30080, 10, 10, 3, 3)),
				arguments("row 8: AWS CLB", LoadBalancerKind.AWS_CLB, tcp(ProbeTarget.NODE_PORT, 30080, 10, 5, 2, 6)),
				arguments("row 12: Azure", LoadBalancerKind.AZURE, tcp(ProbeTarget.NODE_PORT, 30080, 5, 5, 2, 2)));
	}

	/**
	 * The LBs that do not keep the client's address (a proxy, or ip targets without
	 * client-IP preservation): n1 and n2 get half each, and each pod sees the LB's
	 * address in its node's zone.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource
	void lbAddressRows(String row, LoadBalancerKind kind, TrafficPolicy policy, ProbeSpec probe,
			List<Boolean> healthy) {
		ServiceAnalysis web = row(kind, policy, LoadBalancerModel.EVEN);
		assertProbe(web, probe);
		assertNodes(web, healthy, HALF, HALF, Fraction.ZERO);
		assertPods(web, f(1, 6), sources(A_A, f(1, 6)), HALF, sources(A_B, HALF));
		assertLb(web, false, null, List.of());
	}

	static Stream<Arguments> lbAddressRows() {
		ProbeSpec podPort = tcp(ProbeTarget.POD_PORT, 8080, 10, 10, 3, 3);
		List<Boolean> noNodeTargets = Arrays.asList(null, null, null);
		return Stream.of(
				arguments("row 6: AWS NLB, ip targets, Local", LoadBalancerKind.AWS_NLB_IP, LOCAL, podPort,
						noNodeTargets),
				arguments("row 6: AWS NLB, ip targets, Cluster", LoadBalancerKind.AWS_NLB_IP, CLUSTER, podPort,
						noNodeTargets),
				arguments("row 7: AWS CLB, Local", LoadBalancerKind.AWS_CLB, LOCAL,
						http(ProbeTarget.HEALTH_CHECK_NODE_PORT, 32000, 10, 5, 2, 6), List.of(T, T, F)));
	}

	@Test
	void row5AwsNlbInstanceClusterKeepsTheClientIpAndListsNoIngressIp() {
		assertLb(row(LoadBalancerKind.AWS_NLB_INSTANCE, CLUSTER, LoadBalancerModel.EVEN), true, null, List.of());
	}

	@Test
	void row3GenericWeightedLocal() {
		ServiceAnalysis web = row(LoadBalancerKind.GENERIC, LOCAL, LoadBalancerModel.WEIGHTED);
		assertNodes(web, List.of(T, T, F), f(3, 4), QUARTER, Fraction.ZERO);
		assertEveryPod(web, QUARTER, (pod) -> sources(C, QUARTER));
		assertThat(web.loadBalancer().spread()).isEqualTo(Spread.WEIGHTED_BY_HEADER);
	}

	/** R18, R20: kube-proxy's /healthz, probed under Cluster, sends no weight. */
	@Test
	void row3GenericWeightedClusterSpreadsEvenlyAndSaysSo() {
		ServiceAnalysis web = row(LoadBalancerKind.GENERIC, CLUSTER, LoadBalancerModel.WEIGHTED);
		assertNodes(web, List.of(T, T, T), THIRD, THIRD, THIRD);
		assertThat(web.loadBalancer().spread()).isEqualTo(Spread.EVEN);
	}

	/**
	 * What each LB of the catalogue does when no target passes, as the analysis reports
	 * it.
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource
	void whenNoneHealthyRows(LoadBalancerKind kind, NoHealthy expected) {
		for (TrafficPolicy policy : TrafficPolicy.values()) {
			assertThat(row(kind, policy, LoadBalancerModel.EVEN).loadBalancer().whenNoneHealthy()).isEqualTo(expected);
		}
	}

	static Stream<Arguments> whenNoneHealthyRows() {
		return Stream.of(arguments(LoadBalancerKind.GENERIC, NoHealthy.FAIL_OPEN),
				arguments(LoadBalancerKind.AWS_NLB_INSTANCE, NoHealthy.FAIL_OPEN),
				arguments(LoadBalancerKind.AWS_NLB_IP, NoHealthy.FAIL_OPEN),
				arguments(LoadBalancerKind.AWS_CLB, NoHealthy.LB_CLOSES),
				arguments(LoadBalancerKind.GKE_PASSTHROUGH, NoHealthy.FAIL_OPEN),
				arguments(LoadBalancerKind.AZURE, NoHealthy.NO_NEW_FLOWS),
				arguments(LoadBalancerKind.METALLB_L2, NoHealthy.NOT_ANNOUNCED),
				arguments(LoadBalancerKind.METALLB_BGP, NoHealthy.NOT_ANNOUNCED));
	}

	@Test
	void row6pAwsNlbIpWithClientIpPreservation() {
		for (TrafficPolicy policy : TrafficPolicy.values()) {
			Service service = web(policy).annotation(ATTRIBUTES, "preserve_client_ip.enabled=true").build();
			ServiceAnalysis web = analyze(service, LoadBalancerKind.AWS_NLB_IP, Dataplane.KUBE_PROXY);
			assertNodes(web, Arrays.asList(null, null, null), HALF, HALF, Fraction.ZERO);
			assertLocalHalves(web);
			assertLb(web, true, null, List.of());
		}
	}

	@Test
	void row9wGkePassthroughWeightedLocal() {
		Service service = web(LOCAL).annotation(GKE_WEIGHTED, "pods-per-node").build();
		ServiceAnalysis web = analyze(service, LoadBalancerKind.GKE_PASSTHROUGH, Dataplane.KUBE_PROXY);
		assertNodes(web, List.of(T, T, F), f(3, 4), QUARTER, Fraction.ZERO);
		assertEveryPod(web, QUARTER, (pod) -> sources(C, QUARTER));
	}

	@Test
	void row10GkePassthroughClusterWithAndWithoutTheWeightedAnnotation() {
		ServiceAnalysis plain = row(LoadBalancerKind.GKE_PASSTHROUGH, CLUSTER, LoadBalancerModel.EVEN);
		assertProbe(plain, http(ProbeTarget.PROXY_HEALTHZ, 10256, 8, 1, 1, 3));
		assertNodes(plain, List.of(T, T, T), THIRD, THIRD, THIRD);
		assertK3(plain);
		Service annotated = web(CLUSTER).annotation(GKE_WEIGHTED, "pods-per-node").build();
		ClusterAnalysis all = analyzeAll(uneven(annotated), LoadBalancerKind.GKE_PASSTHROUGH, Dataplane.KUBE_PROXY,
				LoadBalancerModel.EVEN);
		assertNodes(all.services().get(0), List.of(T, T, T), THIRD, THIRD, THIRD);
		assertK3(all.services().get(0));
		assertThat(all.warnings()).contains("default/web: Weighted load balancing by pods-per-node has no effect with "
				+ "External Traffic Policy: Cluster.");
	}

	@Test
	void row13MetallbL2LocalElectsN1AndStarvesTheLonePod() {
		ServiceAnalysis web = row(LoadBalancerKind.METALLB_L2, LOCAL, LoadBalancerModel.EVEN);
		assertThat(web.loadBalancer().probe()).isNull();
		assertNodes(web, Arrays.asList(null, null, null), Fraction.ONE, Fraction.ZERO, Fraction.ZERO);
		assertPods(web, THIRD, sources(C, THIRD), Fraction.ZERO, Map.of());
		assertLb(web, true, List.of("n1"), List.of(LB_IP));
	}

	@Test
	void row14MetallbL2ClusterElectsN3() {
		ServiceAnalysis web = row(LoadBalancerKind.METALLB_L2, CLUSTER, LoadBalancerModel.EVEN);
		assertNodes(web, Arrays.asList(null, null, null), Fraction.ZERO, Fraction.ZERO, Fraction.ONE);
		assertEveryPod(web, QUARTER, (pod) -> sources(N3, QUARTER));
		assertLb(web, true, List.of("n3"), List.of(LB_IP));
	}

	@Test
	void row15MetallbBgpLocal() {
		ServiceAnalysis web = row(LoadBalancerKind.METALLB_BGP, LOCAL, LoadBalancerModel.EVEN);
		assertNodes(web, Arrays.asList(null, null, null), HALF, HALF, Fraction.ZERO);
		assertLocalHalves(web);
		assertLb(web, true, List.of("n1", "n2"), List.of(LB_IP));
	}

	@Test
	void row16MetallbBgpCluster() {
		ServiceAnalysis web = row(LoadBalancerKind.METALLB_BGP, CLUSTER, LoadBalancerModel.EVEN);
		assertNodes(web, Arrays.asList(null, null, null), THIRD, THIRD, THIRD);
		assertK3(web);
		assertLb(web, true, List.of("n1", "n2", "n3"), List.of(LB_IP));
	}

	@Test
	void awsIdsPublishAHostnameSoTheAnalysisSaysSo() {
		for (LoadBalancerKind kind : List.of(LoadBalancerKind.AWS_NLB_INSTANCE, LoadBalancerKind.AWS_CLB)) {
			ClusterAnalysis all = analyzeAll(uneven(web(LOCAL).build()), kind, Dataplane.KUBE_PROXY,
					LoadBalancerModel.EVEN);
			assertThat(all.warnings()).anyMatch((warning) -> warning
				.startsWith("default/web: " + kind.apiName() + " publishes a hostname, not an IP")
					&& warning.contains("nodePort 30080"));
		}
	}

	private static ServiceAnalysis row(LoadBalancerKind kind, TrafficPolicy policy, LoadBalancerModel model) {
		return analyzeAll(uneven(web(policy).build()), kind, Dataplane.KUBE_PROXY, model).services().get(0);
	}

	static ServiceAnalysis analyze(Service service, LoadBalancerKind kind, Dataplane dataplane) {
		return CatalogFixtures.analyze(uneven(service), kind, dataplane);
	}

	static ProbeSpec http(ProbeTarget target, int port, int interval, int timeout, int healthy, int unhealthy) {
		return new ProbeSpec(ProbeProtocol.HTTP, target, port, "/healthz", interval, timeout, healthy, unhealthy);
	}

	static ProbeSpec tcp(ProbeTarget target, int port, int interval, int timeout, int healthy, int unhealthy) {
		return new ProbeSpec(ProbeProtocol.TCP, target, port, null, interval, timeout, healthy, unhealthy);
	}

	static void assertProbe(ServiceAnalysis web, ProbeSpec probe) {
		assertThat(web.loadBalancer().probe()).isEqualTo(probe);
	}

	/** lbHealthy and lbShare per node; nothing dropped or rejected; pods sum to 1. */
	static void assertNodes(ServiceAnalysis web, List<Boolean> healthy, Fraction... shares) {
		assertThat(lbHealthy(web)).isEqualTo(healthy);
		assertThat(lbShares(web)).containsExactly(shares);
		assertThat(web.droppedShare()).isEqualTo(Fraction.ZERO);
		assertThat(web.rejectedShare()).isEqualTo(Fraction.ZERO);
		Fraction sum = Fraction.ZERO;
		for (EndpointAnalysis endpoint : web.endpoints()) {
			sum = sum.plus(endpoint.externalShare());
		}
		assertThat(sum).isEqualTo(Fraction.ONE);
	}

	static void assertLb(ServiceAnalysis web, boolean clientKept, @Nullable List<String> announcing,
			List<String> loadBalancerIps) {
		assertThat(web.loadBalancer().clientAddressKeptToNode()).isEqualTo(clientKept);
		assertThat(web.loadBalancer().announcingNodes()).isEqualTo(announcing);
		assertThat(web.service().loadBalancerIps()).isEqualTo(loadBalancerIps);
	}

	/** web-1..3 each {@code oneOfN1} with {@code n1Sources}, web-4 likewise. */
	static void assertPods(ServiceAnalysis web, Fraction oneOfN1, Map<String, Fraction> n1Sources, Fraction web4,
			Map<String, Fraction> web4Sources) {
		for (String pod : WEB_1_TO_3) {
			assertThat(endpoint(web, pod).externalShare()).as(pod).isEqualTo(oneOfN1);
			assertThat(endpoint(web, pod).sourcesSeen()).as(pod).containsExactlyEntriesOf(n1Sources);
		}
		assertThat(endpoint(web, WEB_4).externalShare()).isEqualTo(web4);
		assertThat(endpoint(web, WEB_4).sourcesSeen()).containsExactlyEntriesOf(web4Sources);
	}

	static void assertEveryPod(ServiceAnalysis web, Fraction share,
			java.util.function.Function<String, Map<String, Fraction>> sources) {
		for (EndpointAnalysis endpoint : web.endpoints()) {
			assertThat(endpoint.externalShare()).as(endpoint.endpoint().ip()).isEqualTo(share);
			assertThat(endpoint.sourcesSeen()).as(endpoint.endpoint().ip())
				.containsExactlyEntriesOf(sources.apply(endpoint.endpoint().ip()));
		}
	}

	/** "L1/2": web-1..3 1/6 each from the client, web-4 1/2. */
	static void assertLocalHalves(ServiceAnalysis web) {
		assertPods(web, f(1, 6), sources(C, f(1, 6)), HALF, sources(C, HALF));
	}

	/** "K3": every node 1/3, kube-proxy SNAT: 1/12 per (node, pod). */
	static void assertK3(ServiceAnalysis web) {
		Fraction twelfth = f(1, 12);
		assertPods(web, QUARTER, sources(BRIDGE_1, twelfth, N2, twelfth, N3, twelfth), QUARTER,
				sources(N1, twelfth, BRIDGE_2, twelfth, N3, twelfth));
	}

}
