package io.trafficlab.engine.balancer;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotations the catalogue reads (research §6.1), and the warnings for bad values.
 */
class LoadBalancerCatalogTests {

	private static final String BETA = "service.beta.kubernetes.io/";

	private final List<String> warnings = new ArrayList<>();

	@Test
	void nlbClientIpPreservationShouldFollowTheTargetGroupAttribute() {
		assertThat(spec(LoadBalancerKind.AWS_NLB_INSTANCE, web(TrafficPolicy.LOCAL).build()).clientAddressKeptToNode())
			.isTrue();
		assertThat(spec(LoadBalancerKind.AWS_NLB_INSTANCE,
				beta(TrafficPolicy.LOCAL, "aws-load-balancer-target-group-attributes",
						"deregistration_delay.timeout_seconds=30, preserve_client_ip.enabled=false"))
			.clientAddressKeptToNode()).isFalse();
		assertThat(spec(LoadBalancerKind.AWS_NLB_IP,
				web(TrafficPolicy.LOCAL)
					.annotation("service.kubernetes.io/aws-load-balancer-target-group-attributes",
							"preserve_client_ip.enabled=true")
					.build())
			.clientAddressKeptToNode()).isTrue();
		assertThat(this.warnings).isEmpty();
	}

	@Test
	void badAttributeValuesShouldBeWarnedAboutAndTheDefaultKept() {
		LoadBalancerSpec spec = spec(LoadBalancerKind.AWS_NLB_IP,
				beta(TrafficPolicy.CLUSTER, "aws-load-balancer-target-group-attributes",
						"preserve_client_ip.enabled=yes,deregistration_delay.timeout_seconds=9999,junk"));
		assertThat(spec.clientAddressKeptToNode()).isFalse();
		assertThat(this.warnings).containsExactly(
				"default/web: annotation aws-load-balancer-target-group-attributes: \"junk\" is not key=value; it is ignored",
				"default/web: annotation aws-load-balancer-target-group-attributes: \"preserve_client_ip.enabled=yes\" "
						+ "is not true or false; the default false applies",
				"default/web: annotation aws-load-balancer-target-group-attributes deregistration_delay.timeout_seconds: "
						+ "\"9999\" is not a whole number from 0 to 3600; the default 300 applies");
	}

	@Test
	void crossZoneShouldFollowTheAttributeAndTheDeprecatedAnnotationShouldWinATie() {
		Service attribute = beta(TrafficPolicy.LOCAL, "aws-load-balancer-attributes",
				"load_balancing.cross_zone.enabled=true");
		assertThat(spec(LoadBalancerKind.AWS_NLB_INSTANCE, attribute).crossZone()).isTrue();
		Service both = web(TrafficPolicy.LOCAL)
			.annotation(BETA + "aws-load-balancer-attributes", "load_balancing.cross_zone.enabled=true")
			.annotation(BETA + "aws-load-balancer-cross-zone-load-balancing-enabled", "false")
			.build();
		assertThat(spec(LoadBalancerKind.AWS_NLB_INSTANCE, both).crossZone()).isFalse();
		assertThat(spec(LoadBalancerKind.AWS_NLB_INSTANCE, web(TrafficPolicy.LOCAL).build()).crossZone()).isFalse();
		assertThat(spec(LoadBalancerKind.AWS_CLB, web(TrafficPolicy.LOCAL).build()).crossZone()).isFalse();
	}

	@Test
	void awsHealthCheckAnnotationsShouldOverrideTheProbe() {
		Service service = web(TrafficPolicy.CLUSTER).annotation(BETA + "aws-load-balancer-healthcheck-protocol", "http")
			.annotation(BETA + "aws-load-balancer-healthcheck-path", "/ready")
			.annotation(BETA + "aws-load-balancer-healthcheck-interval", "30")
			.annotation(BETA + "aws-load-balancer-healthcheck-timeout", "abc")
			.annotation(BETA + "aws-load-balancer-healthcheck-healthy-threshold", "5")
			.build();
		assertThat(spec(LoadBalancerKind.AWS_NLB_INSTANCE, service).probe())
			.isEqualTo(new ProbeSpec(ProbeProtocol.HTTP, ProbeTarget.NODE_PORT, 30080, "/ready", 30, 10, 5, 3));
		assertThat(this.warnings).containsExactly("default/web: annotation aws-load-balancer-healthcheck-timeout: "
				+ "\"abc\" is not a whole number from 2 to 120; the default 10 applies");
	}

	@Test
	void targetTypeAnnotationContradictingTheIdShouldBeAWarning() {
		spec(LoadBalancerKind.AWS_NLB_INSTANCE, beta(TrafficPolicy.LOCAL, "aws-load-balancer-nlb-target-type", "ip"));
		assertThat(this.warnings).containsExactly("default/web: annotation aws-load-balancer-nlb-target-type: \"ip\" "
				+ "names other targets than loadBalancer=aws-nlb-instance; the analysis follows the parameter");
	}

	@Test
	void gkeWeightedAnnotationShouldWeighOnlyUnderLocal() {
		String key = "networking.gke.io/weighted-load-balancing";
		assertThat(spec(LoadBalancerKind.GKE_PASSTHROUGH,
				web(TrafficPolicy.LOCAL).annotation(key, "pods-per-node").build())
			.spread()).isEqualTo(Spread.WEIGHTED_BY_HEADER);
		assertThat(spec(LoadBalancerKind.GKE_PASSTHROUGH,
				web(TrafficPolicy.CLUSTER).annotation(key, "pods-per-node").build())
			.spread()).isEqualTo(Spread.EVEN);
		assertThat(spec(LoadBalancerKind.GKE_PASSTHROUGH, web(TrafficPolicy.LOCAL).annotation(key, "yes").build())
			.spread()).isEqualTo(Spread.EVEN);
		assertThat(this.warnings).containsExactly(
				"default/web: Weighted load balancing by pods-per-node has no effect with External Traffic Policy: Cluster.",
				"default/web: annotation networking.gke.io/weighted-load-balancing: \"yes\" is not pods-per-node; it is "
						+ "ignored");
	}

	@Test
	void azureClusterProbeShouldFollowItsAnnotationsPerPortFirst() {
		Service service = web(TrafficPolicy.CLUSTER)
			.annotation(BETA + "azure-load-balancer-health-probe-protocol", "Http")
			.annotation(BETA + "port_80_health-probe_request-path", "/live")
			.annotation(BETA + "azure-load-balancer-health-probe-interval", "10")
			.annotation(BETA + "azure-load-balancer-health-probe-num-of-probe", "20")
			.build();
		assertThat(spec(LoadBalancerKind.AZURE, service).probe()).isEqualTo(
				new ProbeSpec(ProbeProtocol.HTTP, ProbeTarget.NODE_PORT, 30080, "/", 5, 5, 2, 2).withPath("/live"));
		assertThat(this.warnings).containsExactly("default/web: annotation health-probe interval × num-of-probe: "
				+ "\"10 × 20\" is not below 120; the defaults 5 and 2 apply");
	}

	@Test
	void azureClusterProbeWithoutAnnotationsShouldBeTcpToTheNodePort() {
		assertThat(spec(LoadBalancerKind.AZURE, web(TrafficPolicy.CLUSTER).build()).probe())
			.isEqualTo(new ProbeSpec(ProbeProtocol.TCP, ProbeTarget.NODE_PORT, 30080, null, 5, 5, 2, 2));
	}

	@Test
	void onlyTheAwsIdsShouldPublishAHostname() {
		for (LoadBalancerKind kind : LoadBalancerKind.values()) {
			boolean aws = kind.apiName().startsWith("aws-");
			assertThat(spec(kind, web(TrafficPolicy.LOCAL).build()).publishesIp()).as(kind.apiName()).isEqualTo(!aws);
		}
	}

	/** default/web with one {@code service.beta.kubernetes.io/} annotation. */
	private static Service beta(TrafficPolicy policy, String annotation, String value) {
		return web(policy).annotation(BETA + annotation, value).build();
	}

	private LoadBalancerSpec spec(LoadBalancerKind kind, Service service) {
		return LoadBalancerCatalog.of(kind, service, LoadBalancerModel.EVEN, this.warnings);
	}

}
