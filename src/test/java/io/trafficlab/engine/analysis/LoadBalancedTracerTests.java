package io.trafficlab.engine.analysis;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.endpoint.ClusterFixtures;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.SourceClass;
import io.trafficlab.engine.proxy.TraceRequest;
import io.trafficlab.engine.proxy.TraceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer's trace of an external packet to n3 of the 3/1/0 layout under Local (no
 * local endpoint, so kube-proxy drops it): why the load balancer normally keeps it off n3
 * follows the chosen load balancer.
 */
class LoadBalancedTracerTests {

	private static final String HCNP_503 = "The cloud load balancer normally avoids n3: its health check on port "
			+ ClusterFixtures.HEALTH_CHECK_NODE_PORT + " answers 503 (localEndpoints 0).";

	private static TraceResult traceToN3(LoadBalancerKind kind) {
		Cluster cluster = CatalogFixtures.uneven(ClusterFixtures.web(TrafficPolicy.LOCAL).build());
		TraceRequest request = new TraceRequest(ClusterFixtures.WEB, "n3", SourceClass.EXTERNAL,
				DestinationKind.NODE_PORT, null, null, false);
		return new LoadBalancedTracer().trace(cluster, request, kind, Dataplane.KUBE_PROXY);
	}

	@ParameterizedTest
	@EnumSource(names = { "GENERIC", "AWS_NLB_INSTANCE", "AWS_CLB", "GKE_PASSTHROUGH", "AZURE" })
	void aLoadBalancerProbingTheHealthCheckNodePortShouldAvoidTheNodeBecauseItAnswers503(LoadBalancerKind kind) {
		assertThat(traceToN3(kind).why()).contains(HCNP_503);
	}

	@Test
	void metalLbShouldNotBeSaidToProbeButToAnnounceOnlyFromNodesWithALocalEndpoint() {
		assertThat(traceToN3(LoadBalancerKind.METALLB_L2).why()).doesNotContain(HCNP_503)
			.contains("MetalLB probes nothing: under Local only a node with a local endpoint can announce the LB IP, "
					+ "so n3 never answers ARP for it.");
		assertThat(traceToN3(LoadBalancerKind.METALLB_BGP).why()).doesNotContain(HCNP_503)
			.contains("MetalLB probes nothing: under Local only a node with a local endpoint advertises the LB IP over "
					+ "BGP, so the router has no route through n3.");
	}

	@Test
	void anNlbWithIpTargetsShouldNotBeSaidToCheckTheNode() {
		assertThat(traceToN3(LoadBalancerKind.AWS_NLB_IP).why()).doesNotContain(HCNP_503)
			.contains("The NLB with ip targets never sends to n3: its targets are the pods, whose own port it probes, "
					+ "so the node is not a target at all.");
	}

}
