package io.trafficlab.analyzer;

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

}
