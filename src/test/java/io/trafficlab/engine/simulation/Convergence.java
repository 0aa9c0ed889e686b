package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Observed shares and sources within 2 points of the analyzer's exact ones, for the
 * load-balancer simulation tests.
 */
final class Convergence {

	private Convergence() {
	}

	/**
	 * Runs {@code simulation} unrecorded until {@code until} and asserts that it
	 * converged; returns its statistics.
	 */
	static SimulationStatistics converged(Simulation simulation, long until) {
		simulation.advanceTo(until, EventSink.NONE);
		SimulationStatistics statistics = simulation.statistics();
		assertConverged(statistics);
		return statistics;
	}

	static void assertConverged(SimulationStatistics statistics) {
		for (PodStatistics pod : statistics.pods()) {
			assertThat(pod.observedShare()).as(pod.pod()).isCloseTo(pod.exactShare().toDouble(), within(0.02));
			assertThat(pod.sourcesSeen().keySet()).as(pod.pod()).isEqualTo(pod.exactSourcesSeen().keySet());
			pod.exactSourcesSeen()
				.forEach((address,
						share) -> assertThat((double) pod.sourcesSeen().get(address) / statistics.connections())
							.as(pod.pod() + " from " + address)
							.isCloseTo(share.toDouble(), within(0.02)));
		}
		assertThat(statistics.nodes()).allSatisfy((node) -> {
			assertThat(node.observedLbShare()).as(node.node()).isCloseTo(node.exactLbShare().toDouble(), within(0.02));
			// settled: what the load balancer does now is what the analyzer says
			assertThat(node.lbShareNow()).as(node.node() + " now").isEqualTo(node.exactLbShare());
		});
	}

	/**
	 * web-1..3, n1's pods, each saw exactly {@code n1Pods}, web-4, n2's, exactly
	 * {@code web4}, and every pod observed what it saw exactly.
	 */
	static void assertExactSourcesSeen(SimulationStatistics statistics, Map<String, Fraction> n1Pods,
			Map<String, Fraction> web4) {
		Map<String, PodStatistics> pods = pods(statistics);
		for (String pod : List.of("web-1", "web-2", "web-3")) {
			assertThat(pods.get(pod).exactSourcesSeen()).as(pod).isEqualTo(n1Pods);
		}
		assertThat(pods.get("web-4").exactSourcesSeen()).isEqualTo(web4);
		ConvergenceTests.assertObservedSourcesMatchExact(statistics);
	}

	static Map<String, PodStatistics> pods(SimulationStatistics statistics) {
		return statistics.pods().stream().collect(Collectors.toMap(PodStatistics::pod, (pod) -> pod));
	}

}
