package io.trafficlab.lesson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.balancer.LoadBalancerSpec;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

class CurlViewTests {

	@Test
	void theAnswerShouldBeWrittenAsGosServerWritesItHandlerHeadersSortedThenDateThenContentLength() {
		HealthCheckResponse answer = new HealthCheckResponse(503,
				Map.of("X-Content-Type-Options", "nosniff", "Content-Type", "application/json"), "{\"a\": 1}\n");
		assertThat(CurlView.lines(answer, Instant.parse("2026-12-06T09:05:02Z"))).containsExactly(
				"HTTP/1.1 503 Service Unavailable", "Content-Type: application/json", "X-Content-Type-Options: nosniff",
				"Date: Sun, 06 Dec 2026 09:05:02 GMT", "Content-Length: 9", "", "{\"a\": 1}");
	}

	private static LoadBalancerSpec spec(LoadBalancerKind kind, TrafficPolicy policy) {
		return LoadBalancerCatalog.of(kind, web(policy).build(), LoadBalancerModel.EVEN, new ArrayList<>());
	}

	@Test
	void theClusterNoteShouldSayWhatTheSandboxsOwnLoadBalancerChecks() {
		// the sandbox's default keeps its words
		assertThat(CurlView.clusterProbeNote(spec(LoadBalancerKind.AWS_NLB_INSTANCE, TrafficPolicy.CLUSTER)))
			.isEqualTo("This sandbox's load balancer, an AWS NLB as the AWS Load Balancer Controller configures it, "
					+ "then opens a TCP connection to the NodePort instead: no HTTP answer to show.");
		assertThat(CurlView.clusterProbeNote(spec(LoadBalancerKind.AWS_CLB, TrafficPolicy.CLUSTER)))
			.isEqualTo("This sandbox's load balancer, the AWS Classic ELB, then opens a TCP connection to the NodePort "
					+ "instead: no HTTP answer to show.");
		assertThat(CurlView.clusterProbeNote(spec(LoadBalancerKind.GKE_PASSTHROUGH, TrafficPolicy.CLUSTER))).isEqualTo(
				"This sandbox's load balancer, the GKE passthrough NLB, then sends HTTP /healthz to kube-proxy's "
						+ "own health server on port 10256 instead, which answers for kube-proxy, not for the Service: no "
						+ "healthCheckNodePort answer to show.");
		assertThat(CurlView.clusterProbeNote(spec(LoadBalancerKind.AWS_NLB_IP, TrafficPolicy.CLUSTER))).isEqualTo(
				"This sandbox's load balancer, the AWS NLB (ip targets), then opens a TCP connection to each pod's "
						+ "port instead, not to the nodes: no HTTP answer to show.");
		assertThat(CurlView.clusterProbeNote(spec(LoadBalancerKind.METALLB_L2, TrafficPolicy.CLUSTER)))
			.isEqualTo("This sandbox's load balancer, MetalLB (L2), probes nothing: nothing to show.");
	}

	@Test
	void theDeadNodeNoteShouldCompareWithTheProbeOnlyWhenTheLoadBalancerProbesThisPort() {
		assertThat(CurlView.deadNote("n1", spec(LoadBalancerKind.AWS_NLB_INSTANCE, TrafficPolicy.LOCAL)))
			.isEqualTo("n1 is dead: nothing answers, so curl waits until the connection attempt times out, as the load "
					+ "balancer's probe does.");
		for (LoadBalancerKind kind : new LoadBalancerKind[] { LoadBalancerKind.METALLB_BGP,
				LoadBalancerKind.AWS_NLB_IP }) {
			assertThat(CurlView.deadNote("n1", spec(kind, TrafficPolicy.LOCAL))).as(kind.apiName())
				.isEqualTo("n1 is dead: nothing answers, so curl waits until the connection attempt times out.");
		}
	}

}
