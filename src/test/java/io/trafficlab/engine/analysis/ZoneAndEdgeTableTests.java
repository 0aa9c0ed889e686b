package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.analysis.CatalogFixtures.A_A;
import static io.trafficlab.engine.analysis.CatalogFixtures.A_B;
import static io.trafficlab.engine.analysis.CatalogFixtures.BRIDGE_1;
import static io.trafficlab.engine.analysis.CatalogFixtures.BRIDGE_2;
import static io.trafficlab.engine.analysis.CatalogFixtures.BRIDGE_3;
import static io.trafficlab.engine.analysis.CatalogFixtures.C;
import static io.trafficlab.engine.analysis.CatalogFixtures.N1;
import static io.trafficlab.engine.analysis.CatalogFixtures.N2;
import static io.trafficlab.engine.analysis.CatalogFixtures.N3;
import static io.trafficlab.engine.analysis.CatalogFixtures.analyzeAll;
import static io.trafficlab.engine.analysis.CatalogFixtures.cluster;
import static io.trafficlab.engine.analysis.CatalogFixtures.endpoint;
import static io.trafficlab.engine.analysis.CatalogFixtures.f;
import static io.trafficlab.engine.analysis.CatalogFixtures.lbHealthy;
import static io.trafficlab.engine.analysis.CatalogFixtures.lbShares;
import static io.trafficlab.engine.analysis.CatalogFixtures.sources;
import static io.trafficlab.engine.analysis.CatalogFixtures.zonedNodes;
import static io.trafficlab.engine.analysis.LoadBalancerTableTests.assertLocalHalves;
import static io.trafficlab.engine.analysis.LoadBalancerTableTests.assertPods;
import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.podIp;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static io.trafficlab.engine.model.TrafficPolicy.CLUSTER;
import static io.trafficlab.engine.model.TrafficPolicy.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Research §7.4 (zones: n1 and n2 in zone-a, n3 in zone-b) and §7.5 (nothing healthy,
 * terminating only, six replicas and two pods under MetalLB L2).
 */
class ZoneAndEdgeTableTests {

	private static final Boolean F = Boolean.FALSE;

	private static final String P1 = podIp(1, 0);

	private static final String P2 = podIp(2, 0);

	private static final String P3 = podIp(3, 0);

	private static final String LB_ATTRIBUTES = "service.beta.kubernetes.io/aws-load-balancer-attributes";

	@Test
	void z1NlbLocalSpreadsByZoneNotByNode() {
		assertSpreadByZone(zoned(LoadBalancerKind.AWS_NLB_INSTANCE, web(LOCAL).build(), 1, 1, 1), C, C);
	}

	@Test
	void z1xCrossZoneOnSpreadsOverTargets() {
		Service service = web(LOCAL).annotation(LB_ATTRIBUTES, "load_balancing.cross_zone.enabled=true").build();
		ServiceAnalysis web = zoned(LoadBalancerKind.AWS_NLB_INSTANCE, service, 1, 1, 1);
		assertThat(lbShares(web)).containsOnly(f(1, 3));
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(f(1, 3));
	}

	@Test
	void z1cNlbClusterSpreadsByZoneThenKubeProxyOverAll() {
		ServiceAnalysis web = zoned(LoadBalancerKind.AWS_NLB_INSTANCE, web(CLUSTER).build(), 1, 1, 1);
		assertThat(lbShares(web)).containsExactly(f(1, 4), f(1, 4), f(1, 2));
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(f(1, 3));
		assertThat(endpoint(web, P1).sourcesSeen())
			.containsExactlyEntriesOf(sources(BRIDGE_1, f(1, 12), N2, f(1, 12), N3, f(1, 6)));
		assertThat(endpoint(web, P2).sourcesSeen())
			.containsExactlyEntriesOf(sources(N1, f(1, 12), BRIDGE_2, f(1, 12), N3, f(1, 6)));
		assertThat(endpoint(web, P3).sourcesSeen())
			.containsExactlyEntriesOf(sources(N1, f(1, 12), N2, f(1, 12), BRIDGE_3, f(1, 6)));
	}

	@Test
	void z2NlbLocal310LeavesTheEmptyZoneOut() {
		ServiceAnalysis web = zoned(LoadBalancerKind.AWS_NLB_INSTANCE, web(LOCAL).build(), 3, 1, 0);
		assertThat(lbShares(web)).containsExactly(f(1, 2), f(1, 2), Fraction.ZERO);
		assertLocalHalves(web);
	}

	@Test
	void z2cNlbCluster310GivesTheLoneNodeOfZoneBHalf() {
		ServiceAnalysis web = zoned(LoadBalancerKind.AWS_NLB_INSTANCE, web(CLUSTER).build(), 3, 1, 0);
		assertThat(lbShares(web)).containsExactly(f(1, 4), f(1, 4), f(1, 2));
		assertPods(web, f(1, 4), sources(BRIDGE_1, f(1, 16), N2, f(1, 16), N3, f(1, 8)), f(1, 4),
				sources(N1, f(1, 16), BRIDGE_2, f(1, 16), N3, f(1, 8)));
	}

	@Test
	void z3GenericHasNoZones() {
		ServiceAnalysis web = zoned(LoadBalancerKind.GENERIC, web(LOCAL).build(), 1, 1, 1);
		assertThat(lbShares(web)).containsOnly(f(1, 3));
		assertThat(web.endpoints()).extracting(EndpointAnalysis::externalShare).containsOnly(f(1, 3));
	}

	@Test
	void z4ClassicElbSpreadsPerZoneToo() {
		assertSpreadByZone(zoned(LoadBalancerKind.AWS_CLB, web(LOCAL).build(), 1, 1, 1), A_A, A_B);
	}

	@Test
	void nothingHealthyUnderLocal() {
		Fraction third = f(1, 3);
		assertEmpty(LoadBalancerKind.GENERIC, LOCAL, List.of(F, F, F), third, Fraction.ONE, Fraction.ZERO);
		assertEmpty(LoadBalancerKind.AWS_NLB_INSTANCE, LOCAL, List.of(F, F, F), third, Fraction.ONE, Fraction.ZERO);
		assertEmpty(LoadBalancerKind.AWS_NLB_IP, LOCAL, nulls(), Fraction.ZERO, Fraction.ZERO, Fraction.ONE);
		assertEmpty(LoadBalancerKind.AWS_CLB, LOCAL, List.of(F, F, F), Fraction.ZERO, Fraction.ZERO, Fraction.ONE);
		assertEmpty(LoadBalancerKind.GKE_PASSTHROUGH, LOCAL, List.of(F, F, F), third, Fraction.ONE, Fraction.ZERO);
		assertEmpty(LoadBalancerKind.AZURE, LOCAL, List.of(F, F, F), Fraction.ZERO, Fraction.ZERO, Fraction.ONE);
		ServiceAnalysis l2 = assertEmpty(LoadBalancerKind.METALLB_L2, LOCAL, nulls(), Fraction.ZERO, Fraction.ZERO,
				Fraction.ONE);
		assertThat(l2.loadBalancer().announcingNodes()).isEmpty();
		ServiceAnalysis bgp = assertEmpty(LoadBalancerKind.METALLB_BGP, LOCAL, nulls(), Fraction.ZERO, Fraction.ZERO,
				Fraction.ONE);
		assertThat(bgp.loadBalancer().announcingNodes()).isEmpty();
	}

	@Test
	void nothingHealthyUnderCluster() {
		Fraction third = f(1, 3);
		Boolean t = Boolean.TRUE;
		assertEmpty(LoadBalancerKind.GENERIC, CLUSTER, List.of(t, t, t), third, Fraction.ONE, Fraction.ZERO);
		assertEmpty(LoadBalancerKind.GKE_PASSTHROUGH, CLUSTER, List.of(t, t, t), third, Fraction.ONE, Fraction.ZERO);
		assertEmpty(LoadBalancerKind.AWS_NLB_INSTANCE, CLUSTER, List.of(F, F, F), third, Fraction.ONE, Fraction.ZERO);
		assertEmpty(LoadBalancerKind.AWS_CLB, CLUSTER, List.of(F, F, F), Fraction.ZERO, Fraction.ZERO, Fraction.ONE);
		assertEmpty(LoadBalancerKind.AZURE, CLUSTER, List.of(F, F, F), Fraction.ZERO, Fraction.ZERO, Fraction.ONE);
	}

	@Test
	void failureAtTheLoadBalancerIsNamedInAWarning() {
		ClusterAnalysis all = analyzeAll(
				cluster(zonedNodes("zone-a", "zone-b", "zone-c"), web(LOCAL).build(), List.of()),
				LoadBalancerKind.AZURE, Dataplane.KUBE_PROXY, LoadBalancerModel.EVEN);
		assertThat(all.warnings()).anyMatch((warning) -> warning.startsWith(
				"default/web: every new connection fails at the load balancer (azure): no node passes its health probe"));
	}

	@Test
	void terminatingOnly() {
		List<Endpoint> terminating = new ArrayList<>();
		for (int node = 1; node <= 3; node++) {
			for (int index = 0; index < 2; index++) {
				terminating.add(endpoint(podIp(node, index), "n" + node).servingTerminating().build());
			}
		}
		Cluster cluster = cluster(zonedNodes("zone-a", "zone-b", "zone-c"), web(LOCAL).build(), terminating);
		for (LoadBalancerKind kind : List.of(LoadBalancerKind.GENERIC, LoadBalancerKind.AWS_NLB_INSTANCE,
				LoadBalancerKind.GKE_PASSTHROUGH, LoadBalancerKind.METALLB_BGP)) {
			ServiceAnalysis web = CatalogFixtures.analyze(cluster, kind, Dataplane.KUBE_PROXY);
			assertThat(lbShares(web)).as(kind.apiName()).containsOnly(f(1, 3));
			for (EndpointAnalysis endpoint : web.endpoints()) {
				assertThat(endpoint.sourcesSeen()).as(kind.apiName()).containsExactlyEntriesOf(sources(C, f(1, 6)));
			}
		}
		for (LoadBalancerKind kind : List.of(LoadBalancerKind.AZURE, LoadBalancerKind.AWS_CLB)) {
			ServiceAnalysis web = CatalogFixtures.analyze(cluster, kind, Dataplane.KUBE_PROXY);
			assertThat(web.droppedShare()).as(kind.apiName()).isEqualTo(Fraction.ONE);
		}
		ServiceAnalysis l2 = CatalogFixtures.analyze(cluster, LoadBalancerKind.METALLB_L2, Dataplane.KUBE_PROXY);
		assertThat(l2.loadBalancer().announcingNodes()).containsExactly("n3");
		assertThat(endpoint(l2, podIp(3, 0)).externalShare()).isEqualTo(f(1, 2));
		assertThat(endpoint(l2, podIp(3, 1)).externalShare()).isEqualTo(f(1, 2));
		assertThat(endpoint(l2, podIp(1, 0)).externalShare()).isEqualTo(Fraction.ZERO);
	}

	@Test
	void sixReplicasSpreadEvenlyStillGoToOneNodeUnderL2() {
		Cluster cluster = cluster(zonedNodes("zone-a", "zone-b", "zone-c"), web(LOCAL).build(), layout(2, 2, 2));
		ServiceAnalysis web = CatalogFixtures.analyze(cluster, LoadBalancerKind.METALLB_L2, Dataplane.KUBE_PROXY);
		assertThat(web.loadBalancer().announcingNodes()).containsExactly("n3");
		for (EndpointAnalysis endpoint : web.endpoints()) {
			boolean onN3 = "n3".equals(endpoint.endpoint().nodeName());
			assertThat(endpoint.externalShare()).isEqualTo(onN3 ? f(1, 2) : Fraction.ZERO);
		}
	}

	@Test
	void twoPodsOnThreeNodesUnderL2() {
		Cluster local = cluster(zonedNodes("zone-a", "zone-b", "zone-c"), web(LOCAL).build(), layout(1, 1, 0));
		ServiceAnalysis localWeb = CatalogFixtures.analyze(local, LoadBalancerKind.METALLB_L2, Dataplane.KUBE_PROXY);
		assertThat(localWeb.loadBalancer().announcingNodes()).containsExactly("n1");
		assertThat(endpoint(localWeb, P1).externalShare()).isEqualTo(Fraction.ONE);
		assertThat(endpoint(localWeb, P2).externalShare()).isEqualTo(Fraction.ZERO);
		Cluster clusterPolicy = cluster(zonedNodes("zone-a", "zone-b", "zone-c"), web(CLUSTER).build(),
				layout(1, 1, 0));
		ServiceAnalysis clusterWeb = CatalogFixtures.analyze(clusterPolicy, LoadBalancerKind.METALLB_L2,
				Dataplane.KUBE_PROXY);
		assertThat(clusterWeb.loadBalancer().announcingNodes()).containsExactly("n3");
		assertThat(endpoint(clusterWeb, P1).sourcesSeen()).containsExactlyEntriesOf(sources(N3, f(1, 2)));
		assertThat(endpoint(clusterWeb, P2).sourcesSeen()).containsExactlyEntriesOf(sources(N3, f(1, 2)));
	}

	private static ServiceAnalysis assertEmpty(LoadBalancerKind kind, TrafficPolicy policy, List<Boolean> healthy,
			Fraction each, Fraction rejected, Fraction dropped) {
		Cluster empty = cluster(zonedNodes("zone-a", "zone-b", "zone-c"), web(policy).build(), List.of());
		ServiceAnalysis web = CatalogFixtures.analyze(empty, kind, Dataplane.KUBE_PROXY);
		assertThat(lbHealthy(web)).as(kind.apiName()).isEqualTo(healthy);
		assertThat(lbShares(web)).as(kind.apiName()).containsOnly(each);
		assertThat(web.rejectedShare()).as(kind.apiName()).isEqualTo(rejected);
		assertThat(web.droppedShare()).as(kind.apiName()).isEqualTo(dropped);
		return web;
	}

	/**
	 * One pod per node under Local, spread by zone: a quarter each to n1 and n2 (zone-a)
	 * and their pods, seen from {@code seenInZoneA}, half to n3 (zone-b) and its pod,
	 * seen from {@code seenInZoneB}.
	 */
	private static void assertSpreadByZone(ServiceAnalysis web, String seenInZoneA, String seenInZoneB) {
		assertThat(lbShares(web)).containsExactly(f(1, 4), f(1, 4), f(1, 2));
		assertThat(endpoint(web, P1).sourcesSeen()).containsExactlyEntriesOf(sources(seenInZoneA, f(1, 4)));
		assertThat(endpoint(web, P2).sourcesSeen()).containsExactlyEntriesOf(sources(seenInZoneA, f(1, 4)));
		assertThat(endpoint(web, P3).sourcesSeen()).containsExactlyEntriesOf(sources(seenInZoneB, f(1, 2)));
	}

	private static List<Boolean> nulls() {
		return Arrays.asList(null, null, null);
	}

	private static ServiceAnalysis zoned(LoadBalancerKind kind, Service service, int... podsPerNode) {
		return CatalogFixtures.analyze(cluster(zonedNodes("zone-a", "zone-a", "zone-b"), service, layout(podsPerNode)),
				kind, Dataplane.KUBE_PROXY);
	}

}
