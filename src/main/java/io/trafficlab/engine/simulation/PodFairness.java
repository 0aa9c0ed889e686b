package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.function.Predicate;

import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationStatistics.ExactFairness;
import io.trafficlab.engine.simulation.SimulationStatistics.Fairness;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;

/**
 * How evenly the Service's pods share new connections. Only the pods that can serve count
 * (R4): Ready, or terminating after having been Ready; a serving pod the load balancer
 * never reaches makes the largest share over the smallest unbounded.
 */
final class PodFairness {

	private static final ExactFairness NO_TRAFFIC = new ExactFairness(null, Fraction.ZERO, Fraction.ZERO, Fraction.ZERO,
			null);

	private PodFairness() {
	}

	/** Over the exact shares; no busiest pod when no serving pod receives traffic. */
	static ExactFairness exact(List<PodStatistics> pods, Predicate<String> serving) {
		PodStatistics busiest = null;
		Fraction min = null;
		for (PodStatistics pod : pods) {
			if (!serving.test(pod.pod())) {
				continue;
			}
			if (busiest == null || pod.exactShare().compareTo(busiest.exactShare()) > 0) {
				busiest = pod;
			}
			if (min == null || pod.exactShare().compareTo(min) < 0) {
				min = pod.exactShare();
			}
		}
		if (busiest == null || min == null || busiest.exactShare().isZero()) {
			return NO_TRAFFIC;
		}
		Fraction max = busiest.exactShare();
		return new ExactFairness(busiest.pod(), max, max, min, min.isZero() ? null : max.dividedBy(min));
	}

	/** Over the observed shares of the connections counted. */
	static Fairness observed(List<PodStatistics> pods, Predicate<String> serving) {
		PodStatistics busiest = null;
		double min = Double.MAX_VALUE;
		for (PodStatistics pod : pods) {
			if (!serving.test(pod.pod())) {
				continue;
			}
			if (busiest == null || pod.observedShare() > busiest.observedShare()) {
				busiest = pod;
			}
			min = Math.min(min, pod.observedShare());
		}
		if (busiest == null) {
			return new Fairness(null, 0, 0, 0, null);
		}
		double max = busiest.observedShare();
		return new Fairness(busiest.pod(), max, max, min, (min > 0) ? max / min : null);
	}

}
