package io.trafficlab.engine.rules.iptables;

import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RulesMode;
import io.trafficlab.engine.rules.RulesScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(rules.mode()).isEqualTo(RulesMode.IPTABLES);
		assertThat(rules.node()).isEqualTo(UpstreamCluster.NODE);
		GoldenFiles.assertMatches("rules/iptables/upstream-overall.txt", rules.text());
	}

}
