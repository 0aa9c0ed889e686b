package io.trafficlab.analyzer;

import java.util.List;

import io.trafficlab.engine.analysis.LoadBalancerAnalysis;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.NoHealthy;
import io.trafficlab.engine.balancer.Spread;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the words {@link ServiceView} uses to explain a policy.
 */
class ServiceViewTests {

	@Test
	void explainWhenLocalShouldNotClaimPodsAndNodesGetOnlyLocalPods() {
		String text = ServiceView.explain(web(TrafficPolicy.LOCAL).build(), TrafficPolicy.LOCAL);
		// R8: pods and host-network processes are short-circuited to all endpoints
		assertThat(text).contains("Pods and the nodes themselves are not limited this way");
		// R10: DROP only while the Service has endpoints elsewhere (REJECT otherwise)
		assertThat(text).contains("drops that traffic, as long as the Service has pods elsewhere");
		// R4/R17: terminating pods still receive traffic; the health check counts only
		// ready ones
		assertThat(text).contains("serving-terminating").contains("answers 200 only on nodes with a ready local pod");
		// R20: fail open
		assertThat(text).contains("fails open");
	}

	@Test
	void explainWhenNodePortLocalShouldSayThereIsNoHealthCheck() {
		String text = ServiceView.explain(
				web(TrafficPolicy.LOCAL).type(ServiceType.NODE_PORT).healthCheckNodePort(0).loadBalancerIps().build(),
				TrafficPolicy.LOCAL);
		assertThat(text).endsWith("only LoadBalancer Services get a health check.")
			.doesNotContain("healthCheckNodePort");
	}

	@Test
	void explainWhenMetalLbL2UnderLocalShouldSayItDoesNotProbeAndOneNodeTakesAll() {
		String text = ServiceView.explain(web(TrafficPolicy.LOCAL).build(), TrafficPolicy.LOCAL,
				new LoadBalancerAnalysis(LoadBalancerKind.METALLB_L2, null, true, List.of("n1"),
						Spread.SINGLE_ANNOUNCER, NoHealthy.NOT_ANNOUNCED),
				Dataplane.KUBE_PROXY);
		assertThat(text).contains("MetalLB does not probe")
			.contains("takes all of its traffic")
			.doesNotContain("fails open");
	}

	@Test
	void explainWhenAzureUnderLocalShouldSayItSendsNothingWhenNoNodePasses() {
		String text = ServiceView.explain(web(TrafficPolicy.LOCAL).build(), TrafficPolicy.LOCAL,
				new LoadBalancerAnalysis(LoadBalancerKind.AZURE, null, true, null, Spread.EVEN, NoHealthy.NO_NEW_FLOWS),
				Dataplane.KUBE_PROXY);
		assertThat(text).contains("Azure sends nothing").doesNotContain("fails open");
	}

	@Test
	void explainWhenCiliumDsrUnderClusterShouldSayThePodKeepsTheClient() {
		String text = ServiceView.explain(web(TrafficPolicy.CLUSTER).healthCheckNodePort(0).build(),
				TrafficPolicy.CLUSTER, null, Dataplane.CILIUM_DSR);
		assertThat(text).contains("does not SNAT").contains("sees the client's address").doesNotContain("SNATed");
	}

	@Test
	void explainWhenNlbIpTargetsUnderClusterShouldSayThePodSeesTheNlbNotANodeAddress() {
		var service = web(TrafficPolicy.CLUSTER).healthCheckNodePort(0).build();
		for (Dataplane dataplane : Dataplane.values()) {
			String text = ServiceView.explain(service, TrafficPolicy.CLUSTER, new LoadBalancerAnalysis(
					LoadBalancerKind.AWS_NLB_IP, null, false, null, Spread.PER_ZONE, NoHealthy.FAIL_OPEN), dataplane);
			assertThat(text).as(dataplane.apiName())
				.startsWith("With ip targets the load balancer sends straight to the pods' IPs")
				.contains("the pod sees the load balancer's own private address, not the client's")
				.doesNotContain("Every node accepts")
				.doesNotContain("node address");
		}
		assertThat(ServiceView.explain(service, TrafficPolicy.CLUSTER,
				new LoadBalancerAnalysis(LoadBalancerKind.AWS_NLB_IP, null, true, null, Spread.PER_ZONE,
						NoHealthy.FAIL_OPEN),
				Dataplane.KUBE_PROXY))
			.endsWith("the pod sees the client's address (client IP preservation is on).");
	}

	@Test
	void explainWhenClassicElbUnderClusterShouldKeepTheSnatWordsOnKubeProxyAndNeverPromiseTheClientOnCilium() {
		var service = web(TrafficPolicy.CLUSTER).healthCheckNodePort(0).build();
		LoadBalancerAnalysis clb = new LoadBalancerAnalysis(LoadBalancerKind.AWS_CLB, null, false, null,
				Spread.PER_ZONE, NoHealthy.LB_CLOSES);
		// a proxy, then kube-proxy's SNAT: the pod does see a node address
		assertThat(ServiceView.explain(service, TrafficPolicy.CLUSTER, clb, Dataplane.KUBE_PROXY))
			.isEqualTo(ServiceView.explain(service, TrafficPolicy.CLUSTER));
		assertThat(ServiceView.explain(service, TrafficPolicy.CLUSTER, clb, Dataplane.CILIUM_DSR))
			.contains("the pod sees the load balancer's address, never the client's")
			.doesNotContain("sees the client's address");
		assertThat(ServiceView.explain(service, TrafficPolicy.CLUSTER, clb, Dataplane.CILIUM_SNAT))
			.endsWith("a pod on the entry node sees the load balancer's own address, never the client's.");
	}

	@Test
	void explainWhenNlbInstanceWithoutClientIpPreservationUnderLocalShouldSayTheNodeGetsTheLbsAddress() {
		var service = web(TrafficPolicy.LOCAL).build();
		String kept = ServiceView.explain(service, TrafficPolicy.LOCAL,
				new LoadBalancerAnalysis(LoadBalancerKind.AWS_NLB_INSTANCE, null, true, null, Spread.PER_ZONE,
						NoHealthy.FAIL_OPEN),
				Dataplane.KUBE_PROXY);
		assertThat(kept).endsWith("(if no node passes, it fails open and uses them all).");
		assertThat(ServiceView.explain(service, TrafficPolicy.LOCAL,
				new LoadBalancerAnalysis(LoadBalancerKind.AWS_NLB_INSTANCE, null, false, null, Spread.PER_ZONE,
						NoHealthy.FAIL_OPEN),
				Dataplane.KUBE_PROXY))
			.isEqualTo(kept + " The load balancer does not keep the client's address, though (client IP "
					+ "preservation is off): the node receives the load balancer's own address.");
	}

	@Test
	void explainWhenGenericOnKubeProxyShouldKeepTheWordsBeforeTheCatalogue() {
		var service = web(TrafficPolicy.LOCAL).build();
		assertThat(ServiceView.explain(service, TrafficPolicy.LOCAL,
				new LoadBalancerAnalysis(LoadBalancerKind.GENERIC, null, true, null, Spread.EVEN, NoHealthy.FAIL_OPEN),
				Dataplane.KUBE_PROXY))
			.isEqualTo(ServiceView.explain(service, TrafficPolicy.LOCAL));
	}

}
