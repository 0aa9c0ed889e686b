package io.trafficlab.engine.proxy;

import java.util.List;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.WEB;
import static io.trafficlab.engine.endpoint.ClusterFixtures.cluster;
import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.nodes;
import static io.trafficlab.engine.endpoint.ClusterFixtures.service;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static io.trafficlab.engine.endpoint.ClusterFixtures.webCluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PacketTracer}: the hops, the reasons, defaults and bad requests. The
 * routing table itself is in {@link PacketFlowTests}.
 */
class PacketTracerTests {

	private final PacketTracer tracer = new PacketTracer();

	@Test
	void traceWhenLocalAndLocalEndpointsShouldKeepTheClientAddress() {
		TraceResult result = trace(webCluster(TrafficPolicy.LOCAL, 2, 1, 0), "n1", SourceClass.EXTERNAL,
				DestinationKind.LOAD_BALANCER_IP);
		assertThat(result.why())
			.contains("n1 has 2 ready local endpoints, so external traffic stays on n1 and keeps its source address.");
		assertThat(result.hops()).extracting(TraceHop::step)
			.contains("KUBE-SERVICES → KUBE-EXT: externalTrafficPolicy Local, external source → KUBE-SVL");
		assertThat(result.hops()).allMatch((hop) -> hop.src().equals("203.0.113.10:51234"));
	}

	@Test
	void traceWhenLocalAndNoLocalEndpointShouldDrop() {
		TraceResult result = trace(webCluster(TrafficPolicy.LOCAL, 3, 1, 0), "n3", SourceClass.EXTERNAL,
				DestinationKind.NODE_PORT);
		assertThat(result.verdict()).isEqualTo(Verdict.DROP);
		assertThat(result.endpoints()).isEmpty();
		assertThat(result.sourceSeenByEndpoint()).isEmpty();
		assertThat(result.why()).contains(
				"n3 has no local endpoint for default/web, so kube-proxy drops external traffic (the client times out).",
				"It is a DROP and not a REJECT because default/web still has endpoints on other nodes.");
		assertThat(result.why()).anyMatch((sentence) -> sentence.startsWith("ipvs mode (deprecated since v1.35)"));
		TraceHop last = result.hops().get(result.hops().size() - 1);
		assertThat(last.step()).endsWith("\"default/web has no local endpoints\" → DROP");
		assertThat(last.dst()).isEqualTo("192.168.0.13:30080");
	}

	@Test
	void traceWhenNoEndpointsAnywhereShouldReject() {
		TraceResult result = trace(webCluster(TrafficPolicy.LOCAL, 0, 0, 0), "n1", SourceClass.EXTERNAL,
				DestinationKind.LOAD_BALANCER_IP);
		assertThat(result.verdict()).isEqualTo(Verdict.REJECT);
		assertThat(result.why()).contains("default/web has no ready or serving-terminating endpoints anywhere, so "
				+ "kube-proxy rejects the connection at once (connection refused).");
	}

	@Test
	void traceWhenSingleEndpointAndSnatShouldShowEveryRewrite() {
		TraceResult result = trace(webCluster(TrafficPolicy.CLUSTER, 1, 0, 0), "n2", SourceClass.EXTERNAL,
				DestinationKind.NODE_PORT);
		assertThat(result.hops()).extracting(TraceHop::at, TraceHop::src, TraceHop::dst)
			.containsExactly(tuple("client", "203.0.113.10:51234", "192.168.0.12:30080"),
					tuple("n2", "203.0.113.10:51234", "192.168.0.12:30080"),
					tuple("n2", "203.0.113.10:51234", "192.168.0.12:30080"),
					tuple("n2", "203.0.113.10:51234", "10.244.1.10:8080"),
					tuple("n2", "192.168.0.12:51234", "10.244.1.10:8080"),
					tuple("n1", "192.168.0.12:51234", "10.244.1.10:8080"));
		assertThat(result.hops().get(4).step()).startsWith("KUBE-POSTROUTING: MASQUERADE to 192.168.0.12");
	}

	@Test
	void traceWhenSeveralEndpointsShouldShowAPlaceholderEndpoint() {
		TraceResult result = trace(webCluster(TrafficPolicy.CLUSTER, 3, 1, 0), "n1", SourceClass.EXTERNAL,
				DestinationKind.LOAD_BALANCER_IP);
		assertThat(result.hops()).extracting(TraceHop::dst).contains("<endpoint>:8080");
		assertThat(result.hops()).extracting(TraceHop::src).contains("<10.244.1.1 or 192.168.0.11>:51234");
		assertThat(result.why()).anyMatch((sentence) -> sentence.contains("0.2500000000, 0.3333333333, 0.5000000000"));
	}

	@Test
	void traceWhenHairpinShouldMarkTheOnlyEndpointForMasquerade() {
		Cluster cluster = cluster(nodes(3), web(TrafficPolicy.CLUSTER).build(),
				List.of(endpoint("10.244.1.10", "n1").build()));
		TraceResult result = this.tracer.trace(cluster,
				new TraceRequest(WEB, "n1", SourceClass.POD, DestinationKind.CLUSTER_IP, "10.244.1.10", null, false));
		assertThat(result.masquerade()).isFalse();
		assertThat(result.hops()).extracting(TraceHop::step)
			.contains("KUBE-SEP: source is this endpoint (hairpin) → KUBE-MARK-MASQ; DNAT to 10.244.1.10:8080");
		assertThat(result.sourceSeenByEndpoint()).containsEntry("10.244.1.10", "10.244.1.1");
	}

	@Test
	void traceWhenLocalAndOnlyTerminatingLocalEndpointShouldMentionTheHealthCheckOnlyIfThereIsOne() {
		List<Endpoint> endpoints = List.of(endpoint("10.244.1.10", "n1").build(),
				endpoint("10.244.2.10", "n2").servingTerminating().build());
		TraceResult lb = trace(cluster(nodes(3), web(TrafficPolicy.LOCAL).build(), endpoints), "n2",
				SourceClass.EXTERNAL, DestinationKind.NODE_PORT);
		assertThat(lb.why()).anyMatch((sentence) -> sentence.startsWith("n2 has no ready local endpoint") && sentence
			.endsWith("the health check already answers 503 because terminating endpoints are not counted."));
		// R16: a NodePort Service with externalTrafficPolicy Local has no
		// healthCheckNodePort at all
		Service nodePort = web(TrafficPolicy.LOCAL).type(ServiceType.NODE_PORT)
			.loadBalancerIps()
			.healthCheckNodePort(0)
			.build();
		TraceResult np = trace(cluster(nodes(3), nodePort, endpoints), "n2", SourceClass.EXTERNAL,
				DestinationKind.NODE_PORT);
		assertThat(np.verdict()).isEqualTo(Verdict.DNAT);
		assertThat(np.why()).anyMatch((sentence) -> sentence.startsWith("n2 has no ready local endpoint"))
			.noneMatch((sentence) -> sentence.contains("health check"));
	}

	@Test
	void traceWhenClientIpAffinityShouldExplainPerNodeState() {
		Cluster cluster = cluster(nodes(3), web(TrafficPolicy.LOCAL).clientIpAffinity().build(), layout(3, 1, 0));
		TraceResult result = trace(cluster, "n1", SourceClass.EXTERNAL, DestinationKind.LOAD_BALANCER_IP);
		assertThat(result.why()).anyMatch((sentence) -> sentence.startsWith("sessionAffinity is ClientIP")
				&& sentence.contains("203.0.113.10") && sentence.contains("10800 s") && sentence.contains("n1"));
	}

	@Test
	void traceWhenPodSourceDefaultShouldAvoidEndpointAddresses() {
		Cluster cluster = cluster(nodes(3), web(TrafficPolicy.CLUSTER).build(),
				List.of(endpoint("10.244.1.250", "n1").build(), endpoint("10.244.1.249", "n1").build()));
		TraceResult result = trace(cluster, "n1", SourceClass.POD, DestinationKind.CLUSTER_IP);
		assertThat(result.sourceSeenByEndpoint()).containsValues("10.244.1.248");
	}

	@Test
	void traceWhenSourceRangesShouldNameThem() {
		Cluster cluster = cluster(nodes(3),
				web(TrafficPolicy.CLUSTER).loadBalancerSourceRanges("203.0.113.0/24").build(), layout(1, 0, 0));
		TraceResult result = this.tracer.trace(cluster, new TraceRequest(WEB, "n1", SourceClass.EXTERNAL,
				DestinationKind.LOAD_BALANCER_IP, "198.18.0.5", null, false));
		assertThat(result.verdict()).isEqualTo(Verdict.DROP);
		assertThat(result.why()).anyMatch(
				(sentence) -> sentence.contains("203.0.113.0/24") && sentence.contains("198.18.0.5 is outside them"));
	}

	@Test
	void traceWhenUnknownServiceShouldNameTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracer.trace(webCluster(TrafficPolicy.CLUSTER, 1, 0, 0),
					new TraceRequest(new ServiceRef("default", "nope"), "n1", SourceClass.EXTERNAL,
							DestinationKind.NODE_PORT, null, null, false)))
			.withMessageStartingWith("service: ")
			.withMessageContaining("default/nope");
	}

	@Test
	void traceWhenUnknownNodeShouldNameTheParameterAndKnownNodes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> trace(webCluster(TrafficPolicy.CLUSTER, 1, 0, 0), "n9", SourceClass.EXTERNAL,
					DestinationKind.NODE_PORT))
			.withMessage("node: there is no node \"n9\" in the cluster (nodes: n1, n2, n3)");
	}

	@Test
	void traceWhenNodePortOnClusterIpServiceShouldNameTheParameter() {
		Service plain = service("default", "web").build();
		assertThatIllegalArgumentException().isThrownBy(
				() -> trace(cluster(nodes(3), plain, layout(1)), "n1", SourceClass.EXTERNAL, DestinationKind.NODE_PORT))
			.withMessage("to: default/web (ClusterIP) has no nodePort; use clusterIP");
	}

	@Test
	void traceWhenNoLoadBalancerIpShouldNameTheParameter() {
		Service nodePort = service("default", "web").type(ServiceType.NODE_PORT)
			.externalTrafficPolicy(TrafficPolicy.CLUSTER)
			.build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> trace(cluster(nodes(3), nodePort, layout(1)), "n1", SourceClass.EXTERNAL,
					DestinationKind.LOAD_BALANCER_IP))
			.withMessage("to: default/web (NodePort) has no load-balancer IP in VIP mode");
	}

	@Test
	void traceWhenNoExternalIpShouldNameTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> trace(webCluster(TrafficPolicy.CLUSTER, 1, 0, 0), "n1", SourceClass.EXTERNAL,
					DestinationKind.EXTERNAL_IP))
			.withMessage("to: default/web (LoadBalancer) has no externalIPs");
	}

	@Test
	void traceWhenHeadlessServiceShouldRejectClusterIp() {
		Service headless = service("default", "web").clusterIp("None").build();
		assertThatIllegalArgumentException().isThrownBy(
				() -> trace(cluster(nodes(3), headless, layout(1)), "n1", SourceClass.POD, DestinationKind.CLUSTER_IP))
			.withMessageStartingWith("to: default/web is headless");
	}

	@Test
	void traceWhenExternalNameServiceShouldNameTheParameter() {
		Service externalName = service("default", "web").type(ServiceType.EXTERNAL_NAME).build();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> trace(cluster(nodes(3), externalName, layout(1)), "n1", SourceClass.POD,
					DestinationKind.CLUSTER_IP))
			.withMessageStartingWith("service: default/web is an ExternalName Service");
	}

	@Test
	void traceWhenBadSourceIpShouldNameTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> this.tracer
						.trace(webCluster(TrafficPolicy.CLUSTER, 1, 0, 0),
								new TraceRequest(WEB, "n1", SourceClass.EXTERNAL, DestinationKind.NODE_PORT,
										"300.1.2.3", null, false)))
			.withMessage("sourceIp: \"300.1.2.3\" is not an IP address");
	}

	@Test
	void traceWhenBadClusterCidrShouldNameTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracer.trace(webCluster(TrafficPolicy.CLUSTER, 1, 0, 0),
					new TraceRequest(WEB, "n1", SourceClass.POD, DestinationKind.NODE_PORT, null, "10.244.0.0", false)))
			.withMessageStartingWith("clusterCidr: \"10.244.0.0\" is not a CIDR");
	}

	private TraceResult trace(Cluster cluster, String node, SourceClass from, DestinationKind to) {
		return this.tracer.trace(cluster, new TraceRequest(WEB, node, from, to, null, null, false));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
