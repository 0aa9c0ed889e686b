package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 3/1/0 preset's Service with every pod deleted: what a load balancer does once no
 * target can pass, for the load-balancer simulation tests.
 */
final class EmptiedService {

	private EmptiedService() {
	}

	/**
	 * Deletes the four pods at 1 s, lets the cluster and the load balancer settle until
	 * {@code settledAt}, restarts the statistics, and records until {@code until}.
	 */
	static Recorder record(Simulation simulation, long settledAt, long until) {
		simulation.advanceTo(1_000_000, EventSink.NONE);
		for (String pod : List.of("web-1", "web-2", "web-3", "web-4")) {
			simulation.apply(new DeletePod(pod));
		}
		simulation.advanceTo(settledAt, EventSink.NONE);
		simulation.resetStatistics();
		Recorder recorder = Recorder.until(simulation, until);
		return recorder;
	}

	/**
	 * {@link #record}, and the load balancer routed nothing in that time: every
	 * connection was dropped for a reason starting with {@code reason}, and the
	 * statistics count no other drop reason than {@code statisticsReason}.
	 */
	static Recorder assertEveryConnectionDropped(Simulation simulation, long settledAt, long until, String reason,
			String statisticsReason) {
		Recorder recorder = record(simulation, settledAt, until);
		assertThat(recorder.all(ConnectionRouted.class)).isEmpty();
		assertThat(recorder.all(ConnectionDropped.class)).isNotEmpty()
			.allSatisfy((drop) -> assertThat(drop.reason()).startsWith(reason));
		assertThat(simulation.statistics().dropReasons()).containsOnlyKeys(statisticsReason);
		return recorder;
	}

}
