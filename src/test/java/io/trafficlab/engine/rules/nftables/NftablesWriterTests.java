package io.trafficlab.engine.rules.nftables;

import java.io.IOException;

import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RulesScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests for {@link NftablesWriter}: the upstream-shaped cases and two presets.
 */
class NftablesWriterTests {

	private final NftablesWriter writer = new NftablesWriter();

	@Test
	void upstreamOverallScenarioShouldMatchItsGolden() throws IOException {
		NodeRules rules = this.writer.write(UpstreamScenario.cluster(), UpstreamScenario.NODE,
				new RulesScope(null, UpstreamScenario.POD_CIDR, false));
		GoldenFiles.assertMatches("upstream-overall", rules.text());
	}

	@Test
	void chainNamesShouldBeKubeProxysHashes() {
		assertThat(NftablesNames.servicePortBase("ns1", "svc1", "tcp", "p80")).isEqualTo("ULMVA6XW-ns1/svc1/tcp/p80");
		assertThat(NftablesNames.endpointBase("ns1", "svc1", "tcp", "p80", "10.180.0.1", 80))
			.isEqualTo("5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80");
	}

}
