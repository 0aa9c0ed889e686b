package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.AddNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationCommand.SetClientRate;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetSessionAffinity;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRejected;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTests {

	@Test
	void runWhenSeedAndCommandsAreTheSameShouldGiveTheSameEventsByteForByte() {
		List<String> first = run(7);
		List<String> second = run(7);
		assertThat(first).hasSizeGreaterThan(1_000);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void runWhenTheSeedDiffersShouldGiveOtherEvents() {
		assertThat(run(8)).isNotEqualTo(run(7));
	}

	@Test
	void stepShouldProcessTheSameEventsAsAdvanceTo() {
		Simulation advanced = Simulation.start(Presets.twoPodsThreeNodes(), Presets.settings(3));
		Recorder byAdvance = new Recorder();
		advanced.advanceTo(30_000_000, byAdvance);
		Simulation stepped = Simulation.start(Presets.twoPodsThreeNodes(), Presets.settings(3));
		Recorder bySteps = new Recorder();
		while (stepped.now() < 30_000_000) {
			stepped.step(bySteps);
		}
		List<String> steppedLines = bySteps.lines().stream().limit(byAdvance.events.size()).toList();
		assertThat(steppedLines).isEqualTo(byAdvance.lines());
	}

	@Test
	void runWhenOnlyThePolicyDiffersShouldGiveTheSameClientTraffic() {
		assertThat(clientTraffic("Local")).hasSizeGreaterThan(400).isEqualTo(clientTraffic("Cluster"));
	}

	/** When each connection arrived and from which client, whatever became of it. */
	private static List<String> clientTraffic(String policy) {
		Simulation simulation = Simulation.start(Presets.uneven310(policy), Presets.settings(11));
		Recorder recorder = new Recorder();
		simulation.advanceTo(10_000_000, recorder);
		List<String> arrivals = new ArrayList<>();
		for (SimulationEvent event : recorder.events) {
			if (event instanceof ConnectionRouted routed) {
				arrivals.add(routed.connection() + "@" + routed.time() + " from " + routed.clientIp());
			}
			else if (event instanceof ConnectionDropped dropped) {
				arrivals.add(dropped.connection() + "@" + dropped.time() + " from " + dropped.clientIp());
			}
			else if (event instanceof ConnectionRejected rejected) {
				arrivals.add(rejected.connection() + "@" + rejected.time() + " from " + rejected.clientIp());
			}
		}
		return arrivals;
	}

	/** A busy script: every kind of change, at fixed simulated times. */
	private static List<String> run(long seed) {
		Simulation simulation = Simulation.start(Presets.twoPodsThreeNodes(),
				Presets.settings(seed).withConnectionsPerSecond(50));
		Recorder recorder = new Recorder();
		simulation.advanceTo(5_000_000, recorder);
		String pod = simulation.snapshot().pods().get(0).name();
		simulation.apply(new MovePod(pod, "n3"));
		simulation.advanceTo(20_000_000, recorder);
		simulation.apply(new ScaleReplicas(5));
		simulation.apply(new SetSessionAffinity(SessionAffinity.CLIENT_IP));
		simulation.advanceTo(45_000_000, recorder);
		simulation.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		simulation.apply(new AddNode(null));
		simulation.advanceTo(70_000_000, recorder);
		simulation.apply(new KillNode("n1"));
		simulation.apply(new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED));
		simulation.advanceTo(90_000_000, recorder);
		simulation.apply(new DeletePod(simulation.snapshot().pods().get(0).name()));
		simulation.apply(new SetClientRate(500));
		simulation.advanceTo(120_000_000, recorder);
		return recorder.lines();
	}

}
