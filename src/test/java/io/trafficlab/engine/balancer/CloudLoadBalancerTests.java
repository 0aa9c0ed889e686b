package io.trafficlab.engine.balancer;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealthServer;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.node;
import static io.trafficlab.engine.endpoint.ClusterFixtures.nodes;
import static io.trafficlab.engine.endpoint.ClusterFixtures.service;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CloudLoadBalancer} (R20).
 */
class CloudLoadBalancerTests {

	private final CloudLoadBalancer even = new CloudLoadBalancer(LoadBalancerModel.EVEN);

	private final CloudLoadBalancer weighted = new CloudLoadBalancer(LoadBalancerModel.WEIGHTED);

	@Test
	void sharesWhenLocalAndEvenShouldSplitOverNodesWithLocalEndpoints() {
		Service web = web(TrafficPolicy.LOCAL).build();
		assertThat(this.even.shares(web, probes(web, nodes(3), layout(3, 1, 0)))).containsExactly(f(1, 2), f(1, 2),
				Fraction.ZERO);
	}

	@Test
	void sharesWhenLocalAndWeightedShouldFollowTheWeightHeader() {
		Service web = web(TrafficPolicy.LOCAL).build();
		List<NodeProbe> probes = probes(web, nodes(3), layout(3, 1, 0));
		assertThat(probes).extracting(NodeProbe::weight).containsExactly(3, 1, 0);
		assertThat(this.weighted.shares(web, probes)).containsExactly(f(3, 4), f(1, 4), Fraction.ZERO);
	}

	@Test
	void sharesWhenClusterShouldSplitEvenlyOverHealthyEligibleNodes() {
		Service web = web(TrafficPolicy.CLUSTER).build();
		List<Node> nodes = List.of(node(1).build(), node(2).toBeDeleted().build(), node(3).build());
		assertThat(this.even.shares(web, probes(web, nodes, layout(3, 1, 0)))).containsExactly(f(1, 2), Fraction.ZERO,
				f(1, 2));
	}

	@Test
	void sharesWhenClusterAndWeightedShouldDegradeToEven() {
		Service web = web(TrafficPolicy.CLUSTER).build();
		List<NodeProbe> probes = probes(web, nodes(3), layout(3, 1, 0));
		assertThat(probes).extracting(NodeProbe::weight).containsOnlyNulls();
		assertThat(this.weighted.shares(web, probes)).containsExactly(f(1, 3), f(1, 3), f(1, 3));
	}

	@Test
	void sharesWhenNoNodePassesShouldFailOpenOverAllNodes() {
		Service web = web(TrafficPolicy.LOCAL).build();
		List<NodeProbe> probes = probes(web, nodes(3), layout(0, 0, 0));
		assertThat(CloudLoadBalancer.failsOpen(web, probes)).isTrue();
		assertThat(this.even.shares(web, probes)).containsExactly(f(1, 3), f(1, 3), f(1, 3));
		assertThat(this.weighted.shares(web, probes)).containsExactly(f(1, 3), f(1, 3), f(1, 3));
	}

	@Test
	void sharesWhenClusterAndEveryNodeDrainingShouldFailOpen() {
		Service web = web(TrafficPolicy.CLUSTER).build();
		List<Node> nodes = List.of(node(1).deleting().build(), node(2).toBeDeleted().build());
		assertThat(this.even.shares(web, probes(web, nodes, layout(1, 1)))).containsExactly(f(1, 2), f(1, 2));
	}

	@Test
	void sharesWhenLocalAndProxyUnhealthyShouldSkipThatNode() {
		Service web = web(TrafficPolicy.LOCAL).build();
		List<Node> nodes = List.of(node(1).proxyUnhealthy().build(), node(2).build());
		assertThat(this.weighted.shares(web, probes(web, nodes, layout(3, 1)))).containsExactly(Fraction.ZERO,
				Fraction.ONE);
	}

	@Test
	void sharesWhenNodePortShouldSpreadEvenlyOverAllNodes() {
		Service nodePort = service("default", "web").type(ServiceType.NODE_PORT)
			.externalTrafficPolicy(TrafficPolicy.LOCAL)
			.build();
		List<NodeProbe> probes = probes(nodePort, nodes(3), layout(3, 1, 0));
		assertThat(probes).allMatch(NodeProbe::passing);
		assertThat(this.weighted.shares(nodePort, probes)).containsExactly(f(1, 3), f(1, 3), f(1, 3));
	}

	@Test
	void sharesWhenClusterIpWithExternalIpsShouldSpreadEvenlyOverAllNodes() {
		Service withExternalIp = service("default", "web").externalIps("192.0.2.50")
			.externalTrafficPolicy(TrafficPolicy.CLUSTER)
			.build();
		assertThat(ExternalEntry.of(withExternalIp)).isEqualTo(ExternalEntry.CLIENTS_TO_ALL_NODES);
		assertThat(this.even.shares(withExternalIp, probes(withExternalIp, nodes(2), layout(1, 1))))
			.containsExactly(f(1, 2), f(1, 2));
	}

	@Test
	void sharesWhenPlainClusterIpShouldBeZero() {
		Service plain = service("default", "db").build();
		List<NodeProbe> probes = probes(plain, nodes(3), layout(1, 1, 1));
		assertThat(probes).noneMatch(NodeProbe::passing);
		assertThat(this.even.shares(plain, probes)).containsOnly(Fraction.ZERO);
		assertThat(CloudLoadBalancer.failsOpen(plain, probes)).isFalse();
	}

	private static List<NodeProbe> probes(Service service, List<Node> nodes, List<Endpoint> endpoints) {
		List<NodeProbe> probes = new ArrayList<>();
		for (Node node : nodes) {
			HealthCheckResponse check = ServiceHealthCheck.respond(service, endpoints, node);
			probes.add(CloudLoadBalancer.probe(service, check, ProxyHealthServer.healthz(node)));
		}
		return probes;
	}

	private static Fraction f(long numerator, long denominator) {
		return Fraction.of(numerator, denominator);
	}

}
