package io.trafficlab.engine.rules.iptables;

import java.util.LinkedHashSet;
import java.util.Set;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.proxy.ArrivingPacket;
import io.trafficlab.engine.proxy.PacketFlowRows;
import io.trafficlab.engine.proxy.PacketFlowRows.Flow;
import io.trafficlab.engine.proxy.PacketTracer;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.proxy.TraceRequest;
import io.trafficlab.engine.proxy.TraceResult;
import io.trafficlab.engine.proxy.Verdict;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.WalkedPacket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every row of {@link PacketFlowRows} walked through the rules {@link IptablesWriter}
 * writes for the arriving node: the same verdict, the same candidate endpoints (walked
 * once per endpoint of the Service) and the same masquerade as {@link PacketTracer}.
 */
class IptablesWalkerTests {

	private final PacketTracer tracer = new PacketTracer();

	private final IptablesWriter writer = new IptablesWriter();

	private final IptablesWalker walker = new IptablesWalker();

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.trafficlab.engine.proxy.PacketFlowRows#flows")
	void walkShouldAgreeWithTheTracer(Flow flow) {
		Cluster cluster = flow.cluster();
		TraceRequest request = flow.request().withMode(ProxyMode.IPTABLES);
		TraceResult traced = this.tracer.trace(cluster, request);
		ArrivingPacket arriving = this.tracer.arriving(cluster, request);
		NodeRules rules = this.writer.write(cluster, request.node(),
				new RulesScope(null, request.clusterCidr(), request.masqueradeAll()));
		RulesWalk first = this.walker.walk(rules, packet(arriving, null));
		assertThat(first.verdict()).as("verdict").isEqualTo(traced.verdict());
		assertThat(first.matched()).as("matched rules").isNotEmpty();
		if (traced.verdict() != Verdict.DNAT) {
			assertThat(first.dnatTo()).isNull();
			return;
		}
		Set<String> reached = new LinkedHashSet<>();
		for (Endpoint endpoint : cluster.endpointsOf(request.service())) {
			RulesWalk walk = this.walker.walk(rules, packet(arriving, endpoint.ip()));
			assertThat(walk.verdict()).isEqualTo(Verdict.DNAT);
			String ip = ipOf(walk.dnatTo());
			reached.add(ip);
			if (ip.equals(endpoint.ip())) {
				boolean hairpin = ip.equals(arriving.sourceIp());
				assertThat(walk.masquerade()).as("masquerade toward " + ip).isEqualTo(traced.masquerade() || hairpin);
			}
		}
		assertThat(reached).as("candidate endpoints").containsExactlyInAnyOrderElementsOf(traced.endpoints());
		for (String candidate : traced.endpoints()) {
			RulesWalk walk = this.walker.walk(rules, packet(arriving, candidate));
			assertThat(ipOf(walk.dnatTo())).isEqualTo(candidate);
		}
	}

	@Test
	void unknownMatchShouldBeRefused() {
		NodeRules rules = new NodeRules(io.trafficlab.engine.proxy.ProxyMode.IPTABLES, "n1",
				java.util.List.of(new RuleChain("nat", "KUBE-SERVICES",
						java.util.List.of("-A KUBE-SERVICES -m owner --uid-owner 0 -j DROP"))),
				"");
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.walker.walk(rules, new WalkedPacket("tcp", "10.0.0.1", "10.96.0.1", 80, false, false, null)))
			.withMessageContaining("owner");
	}

	@Test
	void unknownTargetShouldBeRefused() {
		NodeRules rules = new NodeRules(io.trafficlab.engine.proxy.ProxyMode.IPTABLES, "n1",
				java.util.List
					.of(new RuleChain("nat", "KUBE-SERVICES", java.util.List.of("-A KUBE-SERVICES -j KUBE-NOWHERE"))),
				"");
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.walker.walk(rules, new WalkedPacket("tcp", "10.0.0.1", "10.96.0.1", 80, false, false, null)))
			.withMessageContaining("KUBE-NOWHERE");
	}

	private static WalkedPacket packet(ArrivingPacket arriving, @Nullable String endpoint) {
		return new WalkedPacket(arriving.protocol(), arriving.sourceIp(), arriving.destinationIp(),
				arriving.destinationPort(), arriving.sourceLocal(), arriving.destinationLocal(), endpoint);
	}

	private static String ipOf(@Nullable String hostPort) {
		assertThat(hostPort).isNotNull();
		return hostPort.substring(0, hostPort.lastIndexOf(':'));
	}

}
