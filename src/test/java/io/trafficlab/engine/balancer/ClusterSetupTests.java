package io.trafficlab.engine.balancer;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests' words for a load balancer and a dataplane, written and read back.
 */
class ClusterSetupTests {

	@ParameterizedTest
	@EnumSource(value = LoadBalancerKind.class, names = { "AWS_NLB_INSTANCE", "AWS_NLB_IP", "GKE_PASSTHROUGH" })
	void aServiceAnnotatedForAControllerShouldBeReadAsItsLoadBalancer(LoadBalancerKind kind) {
		assertThat(ClusterSetup.requestedBy(ClusterSetup.serviceAnnotations(kind))).isEqualTo(kind);
		assertThat(ClusterSetup.CHOICE_ANNOTATIONS).containsAll(ClusterSetup.serviceAnnotations(kind).keySet());
	}

	@ParameterizedTest
	@EnumSource(value = LoadBalancerKind.class, names = { "GENERIC", "AWS_CLB", "AZURE", "METALLB_L2", "METALLB_BGP" })
	void loadBalancersTheClusterChoosesShouldPutNothingOnTheService(LoadBalancerKind kind) {
		assertThat(ClusterSetup.serviceAnnotations(kind)).isEmpty();
	}

	@Test
	void theAwsControllersLegacyTypeAndItsDefaultTargetTypeShouldBeRead() {
		assertThat(ClusterSetup.requestedBy(Map.of(ClusterSetup.AWS_LOAD_BALANCER_TYPE, "nlb-ip")))
			.isEqualTo(LoadBalancerKind.AWS_NLB_IP);
		assertThat(ClusterSetup.requestedBy(Map.of(ClusterSetup.AWS_LOAD_BALANCER_TYPE, "external")))
			.isEqualTo(LoadBalancerKind.AWS_NLB_INSTANCE);
		assertThat(ClusterSetup.requestedBy(Map.of(ClusterSetup.AWS_LOAD_BALANCER_TYPE, "nlb"))).isNull();
		assertThat(ClusterSetup.requestedBy(Map.of())).isNull();
	}

	@Test
	void metallbsModeShouldFollowItsAdvertisements() {
		assertThat(ClusterSetup.metallb(Set.of(ClusterSetup.L2_ADVERTISEMENT))).isEqualTo(LoadBalancerKind.METALLB_L2);
		assertThat(ClusterSetup.metallb(Set.of(ClusterSetup.BGP_ADVERTISEMENT)))
			.isEqualTo(LoadBalancerKind.METALLB_BGP);
		assertThat(ClusterSetup.metallb(Set.of())).isNull();
	}

	@ParameterizedTest
	@EnumSource(Dataplane.class)
	void ciliumsOptionsShouldBeReadAsTheDataplane(Dataplane dataplane) {
		assertThat(ClusterSetup.dataplane(ClusterSetup.ciliumConfig(dataplane))).isEqualTo(dataplane);
	}

	@Test
	void ciliumWithoutKubeProxyReplacementShouldLeaveKubeProxyAndHybridModeShouldSendTcpWithDsr() {
		assertThat(ClusterSetup.dataplane(Map.of(ClusterSetup.BPF_LB_MODE, "dsr"))).isEqualTo(Dataplane.KUBE_PROXY);
		assertThat(ClusterSetup.dataplane(Map.of(ClusterSetup.KUBE_PROXY_REPLACEMENT, "true")))
			.isEqualTo(Dataplane.CILIUM_SNAT);
		assertThat(ClusterSetup
			.dataplane(Map.of(ClusterSetup.KUBE_PROXY_REPLACEMENT, "true", ClusterSetup.BPF_LB_MODE, "hybrid")))
			.isEqualTo(Dataplane.CILIUM_DSR);
	}

}
