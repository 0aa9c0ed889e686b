package io.trafficlab.engine.analysis;

import java.util.List;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.trafficlab.engine.analysis.CatalogFixtures.A_A;
import static io.trafficlab.engine.analysis.CatalogFixtures.A_B;
import static io.trafficlab.engine.analysis.CatalogFixtures.A_C;
import static io.trafficlab.engine.analysis.CatalogFixtures.C;
import static io.trafficlab.engine.analysis.CatalogFixtures.N1;
import static io.trafficlab.engine.analysis.CatalogFixtures.N2;
import static io.trafficlab.engine.analysis.CatalogFixtures.N3;
import static io.trafficlab.engine.analysis.CatalogFixtures.analyzeAll;
import static io.trafficlab.engine.analysis.CatalogFixtures.f;
import static io.trafficlab.engine.analysis.CatalogFixtures.sources;
import static io.trafficlab.engine.analysis.CatalogFixtures.uneven;
import static io.trafficlab.engine.analysis.LoadBalancerTableTests.assertEveryPod;
import static io.trafficlab.engine.analysis.LoadBalancerTableTests.assertLocalHalves;
import static io.trafficlab.engine.analysis.LoadBalancerTableTests.assertNodes;
import static io.trafficlab.engine.analysis.LoadBalancerTableTests.assertPods;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static io.trafficlab.engine.model.TrafficPolicy.CLUSTER;
import static io.trafficlab.engine.model.TrafficPolicy.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Research §7.3 (D1–D7): the dataplane decides the health-check answer and the source a
 * pod sees; the LB's shares stay.
 */
class DataplaneTableTests {

	private static final Boolean T = Boolean.TRUE;

	private static final Boolean F = Boolean.FALSE;

	private static final Fraction THIRD = f(1, 3);

	private static final Fraction TWELFTH = f(1, 12);

	/** The Cluster rows 2, 5, 10, 12 and 16 under Cilium in SNAT mode. */
	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "AWS_NLB_INSTANCE", "AZURE", "METALLB_BGP", "GENERIC" })
	void d1CiliumSnatKeepsTheClientForTheEntryNodesOwnPods(LoadBalancerKind kind) {
		ServiceAnalysis web = row(kind, CLUSTER, Dataplane.CILIUM_SNAT);
		assertThat(CatalogFixtures.lbShares(web)).as(kind.apiName()).containsOnly(THIRD);
		assertPods(web, f(1, 4), sources(C, TWELFTH, N2, TWELFTH, N3, TWELFTH), f(1, 4),
				sources(N1, TWELFTH, C, TWELFTH, N3, TWELFTH));
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "AWS_NLB_INSTANCE", "AZURE", "METALLB_BGP", "GENERIC" })
	void d2CiliumDsrKeepsTheClientEverywhere(LoadBalancerKind kind) {
		ServiceAnalysis web = row(kind, CLUSTER, Dataplane.CILIUM_DSR);
		assertThat(CatalogFixtures.lbShares(web)).as(kind.apiName()).containsOnly(THIRD);
		assertEveryPod(web, f(1, 4), (pod) -> sources(C, f(1, 4)));
	}

	@Test
	void d3CiliumAnswersTheHealthCheckNodePortInItsOwnWords() {
		ServiceAnalysis web = row(LoadBalancerKind.AWS_NLB_INSTANCE, LOCAL, Dataplane.CILIUM_SNAT);
		assertNodes(web, List.of(T, T, F), f(1, 2), f(1, 2), Fraction.ZERO);
		assertLocalHalves(web);
		HealthCheckResponse n1 = web.nodes().get(0).healthCheck();
		assertThat(n1.status()).isEqualTo(200);
		assertThat(n1.headers()).containsExactly(
				org.assertj.core.api.Assertions.entry("Content-Type", "application/json"),
				org.assertj.core.api.Assertions.entry("X-Content-Type-Options", "nosniff"),
				org.assertj.core.api.Assertions.entry("X-Load-Balancing-Endpoint-Weight", "3"));
		assertThat(n1.body())
			.isEqualTo("{\"service\":{\"namespace\":\"default\",\"name\":\"web\"},\"localEndpoints\":3}\n");
		HealthCheckResponse n3 = web.nodes().get(2).healthCheck();
		assertThat(n3.status()).isEqualTo(503);
		assertThat(n3.headers()).containsEntry("X-Load-Balancing-Endpoint-Weight", "0");
		assertThat(n3.body())
			.isEqualTo("{\"service\":{\"namespace\":\"default\",\"name\":\"web\"},\"localEndpoints\":0}\n");
		assertThat(web.nodes()).allMatch((node) -> node.proxyHealthz() == null && node.proxyLivez() == null);
	}

	@Test
	void d4GkeClusterUnderCiliumFindsNoKubeProxyHealthzAndFailsOpen() {
		for (Dataplane dataplane : List.of(Dataplane.CILIUM_SNAT, Dataplane.CILIUM_DSR)) {
			ClusterAnalysis all = analyzeAll(uneven(web(CLUSTER).build()), LoadBalancerKind.GKE_PASSTHROUGH, dataplane,
					LoadBalancerModel.EVEN);
			ServiceAnalysis web = all.services().get(0);
			assertNodes(web, List.of(F, F, F), THIRD, THIRD, THIRD);
			if (dataplane == Dataplane.CILIUM_DSR) {
				assertEveryPod(web, f(1, 4), (pod) -> sources(C, f(1, 4)));
			}
			else {
				assertPods(web, f(1, 4), sources(C, TWELFTH, N2, TWELFTH, N3, TWELFTH), f(1, 4),
						sources(N1, TWELFTH, C, TWELFTH, N3, TWELFTH));
			}
			assertThat(all.warnings())
				.anyMatch((warning) -> warning.contains("which Cilium does not serve by default"));
			assertThat(all.warnings()).anyMatch((warning) -> warning.contains("fails open"));
		}
	}

	@Test
	void d5MetallbL2ClusterUnderDsrKeepsTheClient() {
		ServiceAnalysis web = row(LoadBalancerKind.METALLB_L2, CLUSTER, Dataplane.CILIUM_DSR);
		assertThat(CatalogFixtures.lbShares(web)).containsExactly(Fraction.ZERO, Fraction.ZERO, Fraction.ONE);
		assertEveryPod(web, f(1, 4), (pod) -> sources(C, f(1, 4)));
	}

	@Test
	void d6ClassicElbClusterUnderCiliumSnatKeepsTheLbAddressForLocalPods() {
		ServiceAnalysis web = row(LoadBalancerKind.AWS_CLB, CLUSTER, Dataplane.CILIUM_SNAT);
		assertPods(web, f(1, 4), sources(A_A, TWELFTH, N2, TWELFTH, N3, TWELFTH), f(1, 4),
				sources(N1, TWELFTH, A_B, TWELFTH, N3, TWELFTH));
	}

	@Test
	void d6dClassicElbClusterUnderDsrKeepsTheLbAddresses() {
		ServiceAnalysis web = row(LoadBalancerKind.AWS_CLB, CLUSTER, Dataplane.CILIUM_DSR);
		assertEveryPod(web, f(1, 4), (pod) -> sources(A_A, TWELFTH, A_B, TWELFTH, A_C, TWELFTH));
	}

	@Test
	void d7IpTargetsIgnoreTheDataplane() {
		for (TrafficPolicy policy : TrafficPolicy.values()) {
			for (Dataplane dataplane : Dataplane.values()) {
				ServiceAnalysis web = row(LoadBalancerKind.AWS_NLB_IP, policy, dataplane);
				assertThat(CatalogFixtures.lbShares(web)).containsExactly(f(1, 2), f(1, 2), Fraction.ZERO);
				assertPods(web, f(1, 6), sources(A_A, f(1, 6)), f(1, 2), sources(A_B, f(1, 2)));
			}
		}
	}

	@Test
	void sourcesSeenSizeUnderCiliumSnatShouldCountWhatIsListed() {
		ServiceAnalysis web = row(LoadBalancerKind.AWS_CLB, CLUSTER, Dataplane.CILIUM_SNAT);
		for (EndpointAnalysis endpoint : web.endpoints()) {
			assertThat(endpoint.sourcesSeen().size())
				.isEqualTo(new java.util.LinkedHashMap<>(endpoint.sourcesSeen()).size())
				.isEqualTo(3);
		}
	}

	private static ServiceAnalysis row(LoadBalancerKind kind, TrafficPolicy policy, Dataplane dataplane) {
		return analyzeAll(uneven(web(policy).build()), kind, dataplane, LoadBalancerModel.EVEN).services().get(0);
	}

}
