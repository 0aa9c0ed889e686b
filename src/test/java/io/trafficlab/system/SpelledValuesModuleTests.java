package io.trafficlab.system;

import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.model.UnknownValueException;
import io.trafficlab.engine.simulation.TargetState;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SpelledValuesModule}: engine values travel by their spelling, both
 * ways.
 */
class SpelledValuesModuleTests {

	private final JsonMapper json = JsonMapper.builder().addModule(new SpelledValuesModule()).build();

	@Test
	void writeShouldSpellValuesAndKeys() {
		assertThat(this.json.writeValueAsString(new Choice(TrafficPolicy.LOCAL, LoadBalancerModel.WEIGHTED)))
			.isEqualTo("{\"policy\":\"Local\",\"lb\":\"weighted\"}");
		assertThat(this.json.writeValueAsString(Map.of(TargetState.UNHEALTHY, 2))).isEqualTo("{\"unhealthy\":2}");
	}

	@Test
	void readShouldTakeValuesAndKeysBySpelling() {
		assertThat(this.json.readValue("{\"policy\":\"Cluster\",\"lb\":\"even\"}", Choice.class))
			.isEqualTo(new Choice(TrafficPolicy.CLUSTER, LoadBalancerModel.EVEN));
		assertThat(this.json.readValue("{\"healthy\":1}", new TypeReference<Map<TargetState, Integer>>() {
		})).containsEntry(TargetState.HEALTHY, 1);
	}

	@Test
	void readWhenUnknownShouldNameThePropertyAndTheValuesAllowed() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> this.json.readValue("{\"policy\":\"LOCAL\",\"lb\":\"even\"}", Choice.class))
			.havingCause()
			.isInstanceOf(UnknownValueException.class)
			.withMessage("policy must be one of Cluster, Local, not \"LOCAL\"");
	}

	record Choice(TrafficPolicy policy, LoadBalancerModel lb) {

	}

}
