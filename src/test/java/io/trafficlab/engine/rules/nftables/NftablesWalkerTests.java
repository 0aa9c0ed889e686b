package io.trafficlab.engine.rules.nftables;

import java.util.List;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.PacketFlowRows;
import io.trafficlab.engine.proxy.PacketTracer;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.proxy.SourceClass;
import io.trafficlab.engine.proxy.TraceRequest;
import io.trafficlab.engine.proxy.TraceResult;
import io.trafficlab.engine.proxy.Verdict;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.WalkedPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every row of the packet-flow table, walked through the written nftables rules with
 * {@link NftablesWalker}: the same verdict, candidate endpoints (one walk per candidate)
 * and masquerade as {@link PacketTracer} (hairpin included: a candidate that is the
 * source itself is masqueraded by its endpoint chain).
 */
class NftablesWalkerTests {

	private final NftablesWriter writer = new NftablesWriter();

	private final NftablesWalker walker = new NftablesWalker();

	private final PacketTracer tracer = new PacketTracer();

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.trafficlab.engine.proxy.PacketFlowRows#flows")
	void walkShouldAgreeWithTheTracer(PacketFlowRows.Flow flow) {
		Cluster cluster = flow.cluster();
		TraceRequest request = flow.request().withMode(ProxyMode.NFTABLES);
		TraceResult traced = this.tracer.trace(cluster, request);
		NodeRules rules = this.writer.write(cluster, request.node(),
				new RulesScope(request.service(), request.clusterCidr(), request.masqueradeAll()));
		Service service = cluster.services().get(0);
		Node node = cluster.nodes().stream().filter((n) -> n.name().equals(request.node())).findFirst().orElseThrow();
		String source = traced.hops().get(0).src().split(":")[0];
		boolean sourceLocal = request.from() == SourceClass.NODE || source.equals(node.internalIp())
				|| source.equals(node.bridgeIp());
		String destination = destination(service, node, request.to());
		int port = (request.to() == DestinationKind.NODE_PORT) ? service.primaryPort().nodePort()
				: service.primaryPort().port();
		boolean destinationLocal = request.to() == DestinationKind.NODE_PORT;
		if (traced.verdict() != Verdict.DNAT) {
			RulesWalk walk = this.walker.walk(rules,
					new WalkedPacket("tcp", source, destination, port, sourceLocal, destinationLocal, null));
			assertThat(walk.verdict()).as("verdict").isEqualTo(traced.verdict());
			if (flow.mode() == ProxyMode.NFTABLES) {
				assertThat(walk.verdict()).as("the row's verdict").isEqualTo(flow.verdict());
			}
			assertThat(walk.matched()).isNotEmpty();
			return;
		}
		assertThat(traced.endpoints()).isNotEmpty();
		for (String candidate : traced.endpoints()) {
			RulesWalk walk = this.walker.walk(rules,
					new WalkedPacket("tcp", source, destination, port, sourceLocal, destinationLocal, candidate));
			assertThat(walk.verdict()).as("verdict for %s", candidate).isEqualTo(Verdict.DNAT);
			assertThat(walk.dnatTo()).isEqualTo(candidate + ":8080");
			assertThat(walk.masquerade()).as("masquerade toward %s", candidate)
				.isEqualTo(traced.masquerade() || candidate.equals(source));
		}
		// the walk reaches exactly the tracer's candidates, no other endpoint
		assertThat(reachable(rules, source, destination, port, sourceLocal, destinationLocal))
			.containsExactlyInAnyOrderElementsOf(traced.endpoints());
	}

	@Test
	void unknownSyntaxShouldBeRefused() {
		NodeRules rules = this.writer.write(UpstreamScenario.cluster(), UpstreamScenario.NODE,
				new RulesScope(null, UpstreamScenario.POD_CIDR, false));
		List<io.trafficlab.engine.rules.RuleChain> chains = new java.util.ArrayList<>(rules.chains());
		chains.set(0, new io.trafficlab.engine.rules.RuleChain("kube-proxy", "cluster-ips-check",
				List.of("add rule ip kube-proxy cluster-ips-check meta skuid 0 counter")));
		NodeRules broken = new NodeRules(rules.mode(), rules.node(), chains, rules.text());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.walker.walk(broken,
					new WalkedPacket("tcp", "10.0.0.2", "172.30.0.50", 80, false, false, null)))
			.withMessageContaining("unknown nftables syntax");
	}

	/**
	 * The endpoints the spread reaches, asking the walk for each endpoint chain in turn.
	 */
	private List<String> reachable(NodeRules rules, String source, String destination, int port, boolean sourceLocal,
			boolean destinationLocal) {
		return rules.chains()
			.stream()
			.filter((chain) -> chain.name().startsWith("endpoint-"))
			.map((chain) -> chain.name().substring(chain.name().indexOf("__") + 2, chain.name().lastIndexOf('/')))
			.distinct()
			.filter((ip) -> {
				RulesWalk walk = this.walker.walk(rules,
						new WalkedPacket("tcp", source, destination, port, sourceLocal, destinationLocal, ip));
				return (ip + ":8080").equals(walk.dnatTo());
			})
			.toList();
	}

	private static String destination(Service service, Node node, DestinationKind to) {
		return switch (to) {
			case CLUSTER_IP -> service.clusterIp();
			case NODE_PORT -> node.internalIp();
			case LOAD_BALANCER_IP -> service.loadBalancerIps().get(0);
			case EXTERNAL_IP -> service.externalIps().get(0);
		};
	}

}
