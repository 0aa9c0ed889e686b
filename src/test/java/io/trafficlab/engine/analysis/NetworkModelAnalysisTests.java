package io.trafficlab.engine.analysis;

import java.util.Map;
import java.util.stream.Stream;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static io.trafficlab.engine.endpoint.ClusterFixtures.CLIENT;
import static io.trafficlab.engine.endpoint.ClusterFixtures.webCluster;
import static io.trafficlab.engine.model.TrafficPolicy.CLUSTER;
import static io.trafficlab.engine.model.TrafficPolicy.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link ClusterAnalyzer}'s sources under each network model (R15): semantics
 * §8's cluster (n1/n2/n3 at 192.168.0.11/12/13, pod CIDRs 10.244.N.0/24), pods 1/1/0
 * under {@code Cluster}, an even LB: each node sends 1/6 to each pod. What the pod on n1
 * sees from each entry node: n1's address toward its own pod, n2's and n3's toward
 * another node's.
 */
class NetworkModelAnalysisTests {

	private static final String P1 = "10.244.1.10";

	private static final String P2 = "10.244.2.10";

	private final ClusterAnalyzer analyzer = new ClusterAnalyzer();

	static Stream<Arguments> sources() {
		return Stream.of(
				Arguments.of(NetworkModel.BRIDGE, new String[] { "10.244.1.1", "192.168.0.12", "192.168.0.13" },
						new String[] { "192.168.0.11", "10.244.2.1", "192.168.0.13" }),
				Arguments.of(NetworkModel.OVERLAY, new String[] { "10.244.1.1", "10.244.2.0", "10.244.3.0" },
						new String[] { "10.244.1.0", "10.244.2.1", "10.244.3.0" }),
				Arguments.of(NetworkModel.VPC, new String[] { "192.168.0.11", "192.168.0.12", "192.168.0.13" },
						new String[] { "192.168.0.11", "192.168.0.12", "192.168.0.13" }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sources")
	void analyzeWhenClusterShouldGiveTheNetworksSnatAddresses(NetworkModel network, String[] seenByP1,
			String[] seenByP2) {
		ServiceAnalysis web = analyze(CLUSTER, network);
		Fraction sixth = Fraction.of(1, 6);
		assertThat(endpoint(web, P1).sourcesSeen()).containsExactly(entry(seenByP1[0], sixth),
				entry(seenByP1[1], sixth), entry(seenByP1[2], sixth));
		assertThat(endpoint(web, P2).sourcesSeen()).containsExactly(entry(seenByP2[0], sixth),
				entry(seenByP2[1], sixth), entry(seenByP2[2], sixth));
		assertThat(endpoint(web, P1).sourcesSeen()).hasSize(3);
	}

	@ParameterizedTest
	@EnumSource(NetworkModel.class)
	void analyzeWhenLocalShouldKeepTheClientWhateverTheNetwork(NetworkModel network) {
		ServiceAnalysis web = analyze(LOCAL, network);
		assertThat(endpoint(web, P1).sourcesSeen()).isEqualTo(Map.of(CLIENT, Fraction.of(1, 2)));
		assertThat(endpoint(web, P2).sourcesSeen()).isEqualTo(Map.of(CLIENT, Fraction.of(1, 2)));
	}

	private ServiceAnalysis analyze(TrafficPolicy policy, NetworkModel network) {
		AnalysisOptions options = new AnalysisOptions(LoadBalancerModel.EVEN, CLIENT, null).withNetwork(network);
		return this.analyzer.analyze(webCluster(policy, 1, 1, 0), options).services().get(0);
	}

	private static EndpointAnalysis endpoint(ServiceAnalysis web, String ip) {
		return web.endpoints()
			.stream()
			.filter((endpoint) -> endpoint.endpoint().ip().equals(ip))
			.findFirst()
			.orElseThrow();
	}

}
