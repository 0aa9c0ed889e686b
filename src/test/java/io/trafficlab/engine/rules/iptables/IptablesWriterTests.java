package io.trafficlab.engine.rules.iptables;

import io.trafficlab.engine.endpoint.ClusterFixtures;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesScope;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Golden tests for {@link IptablesWriter}: upstream's own
 * {@code TestOverallIPTablesRules} cluster, written byte for byte as its expected text,
 * and the sandbox's cases.
 */
class IptablesWriterTests {

	private final IptablesWriter writer = new IptablesWriter();

	@Test
	void upstreamOverallRulesShouldMatchKubeProxysGoldenText() {
		NodeRules rules = this.writer.write(UpstreamCluster.cluster(), UpstreamCluster.NODE,
				new RulesScope(null, UpstreamCluster.DETECTOR, false));
		assertThat(rules.mode()).isEqualTo(ProxyMode.IPTABLES);
		assertThat(rules.node()).isEqualTo(UpstreamCluster.NODE);
		GoldenFiles.assertMatches("rules/iptables/upstream-overall.txt", rules.text());
	}

	@Test
	void scopeShouldKeepOneServicesChainsAndTheSharedOnes() {
		NodeRules rules = this.writer.write(UpstreamCluster.cluster(), UpstreamCluster.NODE,
				new RulesScope(new ServiceRef("ns4", "svc4"), UpstreamCluster.DETECTOR, false));
		assertThat(rules.text()).contains("ns4/svc4:p80", "KUBE-MARK-MASQ -j MARK", "KUBE-POSTROUTING", "KUBE-FORWARD")
			.doesNotContain("ns1/svc1", "ns2/svc2", "ns5/svc5", "ns6/svc6");
		assertThat(rules.chains()).extracting(RuleChain::name)
			.contains("KUBE-SVC-4SW47YFZTEDKD3PK", "KUBE-EXT-4SW47YFZTEDKD3PK", "KUBE-SEP-UKSFD7AGPMPPLUHC");
	}

	@Test
	void chainsShouldSpellTheTextsRules() {
		NodeRules rules = this.writer.write(UpstreamCluster.cluster(), UpstreamCluster.NODE, RulesScope.all());
		for (RuleChain chain : rules.chains()) {
			assertThat(rules.text()).contains(":" + chain.name() + " - [0:0]\n");
			chain.rules().forEach((rule) -> assertThat(rules.text()).contains(rule + "\n"));
		}
		assertThat(rules.chains()).extracting(RuleChain::table).containsOnly("filter", "nat");
	}

	@Test
	void noDetectorShouldDropThePodRules() {
		NodeRules rules = this.writer.write(UpstreamCluster.cluster(), UpstreamCluster.NODE,
				new RulesScope(null, "none", false));
		assertThat(rules.text()).doesNotContain("! -s 10.", "pod traffic for");
	}

	@Test
	void unknownNodeOrServiceShouldBeNamed() {
		Cluster cluster = UpstreamCluster.cluster();
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.write(cluster, "n9", RulesScope.all()))
			.withMessageStartingWith("node: ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer.write(cluster, UpstreamCluster.NODE,
					new RulesScope(new ServiceRef("ns9", "nope"), null, false)))
			.withMessageStartingWith("service: ");
	}

	@Test
	void largeClusterShouldLeaveCommentsOffEndpointRules() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			endpoints.add(ClusterFixtures.endpoint("10.245." + (i / 250) + "." + (i % 250 + 1), "n1").build());
		}
		Cluster cluster = ClusterFixtures.cluster(ClusterFixtures.nodes(3),
				ClusterFixtures.web(TrafficPolicy.CLUSTER).build(), endpoints);
		NodeRules rules = this.writer.write(cluster, "n1", RulesScope.all());
		RuleChain svc = rules.chains()
			.stream()
			.filter((chain) -> chain.name().startsWith("KUBE-SVC-"))
			.findFirst()
			.orElseThrow();
		assertThat(svc.rules()).hasSize(1002);
		assertThat(svc.rules().get(1))
			.startsWith("-A " + svc.name() + " -m statistic --mode random --probability 0.0009990010 -j KUBE-SEP-");
		assertThat(svc.rules().get(1001)).matches("-A KUBE-SVC-\\w+ -j KUBE-SEP-\\w+");
	}

}
