package io.trafficlab.engine.endpoint;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.TrafficDistribution;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TopologyHints} (R7).
 */
class TopologyHintsTests {

	@Test
	void applyWhenPreferCloseShouldHintTheOwnZoneOnly() {
		Endpoint hinted = TopologyHints.apply(TrafficDistribution.PREFER_CLOSE,
				endpoint("10.244.1.10", "n1").zone("zone-a").build());
		assertThat(hinted.zoneHints()).containsExactly("zone-a");
		assertThat(hinted.nodeHints()).isEmpty();
	}

	@Test
	void applyWhenPreferSameNodeShouldHintZoneAndNode() {
		Endpoint hinted = TopologyHints.apply(TrafficDistribution.PREFER_SAME_NODE,
				endpoint("10.244.1.10", "n1").zone("zone-a").build());
		assertThat(hinted.zoneHints()).containsExactly("zone-a");
		assertThat(hinted.nodeHints()).containsExactly("n1");
	}

	@Test
	void applyWhenNotReadyShouldLeaveTheEndpointAlone() {
		Endpoint terminating = endpoint("10.244.1.10", "n1").zone("zone-a").servingTerminating().build();
		assertThat(TopologyHints.apply(TrafficDistribution.PREFER_SAME_ZONE, terminating)).isSameAs(terminating);
	}

	@Test
	void applyWhenNotReadyShouldRemoveItsHints() {
		Endpoint terminating = endpoint("10.244.1.10", "n1").zone("zone-a")
			.zoneHints("zone-a")
			.servingTerminating()
			.build();
		assertThat(TopologyHints.apply(TrafficDistribution.PREFER_CLOSE, terminating).zoneHints()).isEmpty();
	}

	@Test
	void applyWhenNoTrafficDistributionShouldRemoveHints() {
		Endpoint hinted = endpoint("10.244.1.10", "n1").zoneHints("zone-a").nodeHints("n1").build();
		Endpoint cleared = TopologyHints.apply(null, hinted);
		assertThat(cleared.zoneHints()).isEmpty();
		assertThat(cleared.nodeHints()).isEmpty();
	}

	@Test
	void applyWhenNoZoneShouldWriteNoZoneHint() {
		assertThat(TopologyHints.apply(TrafficDistribution.PREFER_SAME_ZONE, endpoint("10.244.1.10", "n1").build())
			.zoneHints()).isEmpty();
	}

}
