package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;

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

}
