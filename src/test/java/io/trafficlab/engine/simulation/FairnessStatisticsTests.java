package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationCommand.CordonNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import io.trafficlab.engine.simulation.SimulationStatistics.ExactFairness;
import io.trafficlab.engine.simulation.SimulationStatistics.Fairness;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fairness line the page shows: the busiest pod and the largest share over the
 * smallest, exact and observed, over the pods that can serve (R4).
 */
class FairnessStatisticsTests {

	@Test
	void localUneven310ShouldGiveTheLonePodHalfAndThreeTimesTheSmallestShare() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		assertThat(simulation.statistics().exactFairness()).isEqualTo(
				new ExactFairness("web-4", Fraction.of(1, 2), Fraction.of(1, 2), Fraction.of(1, 6), Fraction.of(3, 1)));
	}

	@Test
	void clusterUneven310ShouldBeEvenAndNameTheFirstPodOnATie() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"), Presets.settings(3));
		assertThat(simulation.statistics().exactFairness()).isEqualTo(
				new ExactFairness("web-1", Fraction.of(1, 4), Fraction.of(1, 4), Fraction.of(1, 4), Fraction.ONE));
	}

	@Test
	void terminatingPodThatWasReadyShouldCountAsServingEvenWithoutTraffic() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		simulation.apply(new DeletePod("web-1"));
		simulation.advanceTo(2_000_000, EventSink.NONE);
		assertThat(simulation.snapshot().pods().get(0).status()).isEqualTo(PodStatus.TERMINATING);
		SimulationStatistics statistics = simulation.statistics();
		assertThat(pod(statistics, "web-1").exactShare()).isEqualTo(Fraction.ZERO);
		ExactFairness fairness = statistics.exactFairness();
		assertThat(fairness.busiestPod()).isEqualTo("web-4");
		assertThat(fairness.maxShare()).isEqualTo(Fraction.of(1, 2));
		assertThat(fairness.minShare()).isEqualTo(Fraction.ZERO);
		assertThat(fairness.maxOverMin()).isNull();
	}

	@Test
	void pendingPodShouldNotCount() {
		Simulation simulation = Simulation.start(Presets.twoPodsThreeNodes(), Presets.settings(3));
		for (String node : List.of("n1", "n2", "n3")) {
			simulation.apply(new CordonNode(node, true));
		}
		simulation.apply(new ScaleReplicas(3));
		simulation.advanceTo(2_000_000, EventSink.NONE);
		SimulationStatistics statistics = simulation.statistics();
		assertThat(statistics.pods()).hasSize(3).anySatisfy((pod) -> assertThat(pod.node()).isNull());
		assertThat(statistics.exactFairness().maxOverMin()).isEqualTo(Fraction.ONE);
		assertThat(statistics.exactFairness().minShare()).isEqualTo(Fraction.of(1, 2));
	}

	@Test
	void observedFairnessShouldFollowTheObservedSharesOfTheSamePods() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"),
				Presets.settings(3).withConnectionsPerSecond(1_000));
		simulation.advanceTo(20_000_000, EventSink.NONE);
		SimulationStatistics statistics = simulation.statistics();
		Fairness observed = statistics.observedFairness();
		assertThat(observed.busiestPod()).isEqualTo("web-4");
		assertThat(observed.busiestShare()).isEqualTo(pod(statistics, "web-4").observedShare());
		double min = statistics.pods().stream().mapToDouble(PodStatistics::observedShare).min().orElseThrow();
		assertThat(observed.minShare()).isEqualTo(min);
		assertThat(observed.maxOverMin()).isEqualTo(observed.maxShare() / min);
	}

	@Test
	void noServingPodOrNoTrafficShouldNameNoBusiestPod() {
		PodStatistics ready = podWithShare("web-1", Fraction.ZERO);
		assertThat(PodFairness.exact(List.of(ready), (pod) -> true).busiestPod()).isNull();
		assertThat(PodFairness.exact(List.of(podWithShare("web-1", Fraction.ONE)), (pod) -> false).busiestPod())
			.isNull();
		assertThat(PodFairness.observed(List.of(ready), (pod) -> false)).isEqualTo(new Fairness(null, 0, 0, 0, null));
	}

	private static PodStatistics podWithShare(String name, Fraction share) {
		return new PodStatistics(name, "n1", "10.244.1.10", share, 0, 0, Map.of(), Map.of(), List.of(), null);
	}

	private static PodStatistics pod(SimulationStatistics statistics, String name) {
		return statistics.pods().stream().filter((pod) -> pod.pod().equals(name)).findFirst().orElseThrow();
	}

}
