package io.trafficlab.engine.model;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Spelled}: one spelling per value, parsed in one place.
 */
class SpelledTests {

	@Test
	void parseWhenSpelledShouldReturnTheConstant() {
		assertThat(Spelled.parse(TrafficPolicy.class, "policy", "Local")).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(Spelled.parse(LoadBalancerModel.class, "lb", "weighted")).isEqualTo(LoadBalancerModel.WEIGHTED);
		assertThat(Spelled.parse(PodStatus.class, "status", "not-ready")).isEqualTo(PodStatus.NOT_READY);
	}

	@Test
	void parseWhenUnknownShouldNameTheFieldAndTheValuesAllowed() {
		assertThatExceptionOfType(UnknownValueException.class)
			.isThrownBy(() -> Spelled.parse(LoadBalancerModel.class, "lb", "even2"))
			.withMessage("lb must be one of even, weighted, not \"even2\"")
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("lb");
				assertThat(ex.allowed()).containsExactly("even", "weighted");
				assertThat(ex.given()).isEqualTo("even2");
				assertThat(ex.alternatives()).isEqualTo("even or weighted");
			});
	}

	@Test
	void parseWhenSpelledLikeTheJavaConstantShouldRefuseIt() {
		assertThatExceptionOfType(UnknownValueException.class)
			.isThrownBy(() -> Spelled.parse(TrafficPolicy.class, "spec.externalTrafficPolicy", "LOCAL"))
			.withMessage("spec.externalTrafficPolicy must be one of Cluster, Local, not \"LOCAL\"");
	}

	@Test
	void parseWhenNothingGivenShouldSaySo() {
		assertThatExceptionOfType(UnknownValueException.class)
			.isThrownBy(() -> Spelled.parse(SessionAffinity.class, "value", null))
			.withMessage("value must be one of None, ClientIP, not nothing");
	}

	@Test
	void alternativesWhenManyShouldListThemInWords() {
		assertThat(new UnknownValueException("type", Spelled.spellings(ServiceType.class), "x").alternatives())
			.isEqualTo("ClusterIP, NodePort, LoadBalancer or ExternalName");
	}

	@Test
	void findWhenTextNamesNoConstantShouldBeEmpty() {
		assertThat(Spelled.find(TrafficDistribution.class, "PreferSameNode"))
			.contains(TrafficDistribution.PREFER_SAME_NODE);
		assertThat(Spelled.find(TrafficDistribution.class, "Job")).isEmpty();
	}

}
