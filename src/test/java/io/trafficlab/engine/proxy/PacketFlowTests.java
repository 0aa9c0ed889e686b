package io.trafficlab.engine.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PacketTracer} in the shape of kube-proxy's {@code packetFlowTest}: for
 * each row, a source, a destination and the node it arrives at, and the expected
 * endpoints (or DROP/REJECT), masquerade and source seen by each endpoint. Covers R8–R15:
 * every row of semantics §4's table, §8's per-node behaviour, with and without a
 * local-traffic detector, {@code --masquerade-all}, hairpin and
 * {@code loadBalancerSourceRanges}, and the source seen under each network model
 * ({@code bridge}, {@code overlay}, {@code vpc}).
 * <p>
 * The cluster is §8's: n1/n2/n3 (192.168.0.11/12/13, bridges 10.244.N.1), default/web
 * with LB IP 198.51.100.10, external IP 192.0.2.50, nodePort 30080, and 3/1/0 pods
 * (10.244.1.10–12 on n1, 10.244.2.10 on n2) unless a row says otherwise. Default sources:
 * external 203.0.113.10, a pod on the arriving node 10.244.N.250, a node its InternalIP;
 * the default detector is 10.244.0.0/22.
 */
class PacketFlowTests {

	private final PacketTracer tracer = new PacketTracer();

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.trafficlab.engine.proxy.PacketFlowRows#flows")
	void traceShouldFollowPacketFlowTable(PacketFlowRows.Flow flow) {
		TraceResult result = this.tracer.trace(flow.cluster(), flow.request());
		assertThat(result.verdict()).as("verdict").isEqualTo(flow.verdict());
		assertThat(result.endpoints()).as("endpoints").containsExactlyElementsOf(flow.endpoints());
		assertThat(result.masquerade()).as("masquerade").isEqualTo(flow.masquerade());
		assertThat(result.sourceSeenByEndpoint()).as("source seen").containsExactlyEntriesOf(flow.seen());
		assertThat(result.hops()).isNotEmpty();
		assertThat(result.why()).isNotEmpty();
	}

}
