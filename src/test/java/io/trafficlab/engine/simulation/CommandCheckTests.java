package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.AddNode;
import io.trafficlab.engine.simulation.SimulationCommand.CordonNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.DrainNode;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.RemoveNode;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationCommand.SetClientRate;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetInternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetSessionAffinity;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Simulation#check}: it refuses what {@code apply} refuses, with the
 * same words, and changes nothing, so that one command can be checked against two
 * simulations before either changes.
 */
class CommandCheckTests {

	/** One good command of every kind, for the six replicas two per node. */
	private static List<SimulationCommand> everyKind(Simulation simulation) {
		return List.of(new MovePod(podOn(simulation, "n1", 0), "n3"), new DeletePod(podOn(simulation, "n2", 0)),
				new ScaleReplicas(8), new AddNode(null), new CordonNode("n2", true), new DrainNode("n1"),
				new KillNode("n2"), new RemoveNode("n3"), new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER),
				new SetInternalTrafficPolicy(TrafficPolicy.LOCAL), new SetSessionAffinity(SessionAffinity.CLIENT_IP),
				new SetLoadBalancerModel(LoadBalancerModel.WEIGHTED), new SetClientRate(120));
	}

	@Test
	void checkWhenTheCommandIsGoodShouldChangeNothing() {
		for (SimulationCommand command : everyKind(start())) {
			Simulation checked = start();
			Simulation untouched = start();
			checked.check(command);
			assertThat(Recorder.linesUntil(checked, 6_000_000)).as(command.toString())
				.isEqualTo(Recorder.linesUntil(untouched, 6_000_000));
			assertThat(checked.snapshot()).as(command.toString()).isEqualTo(untouched.snapshot());
		}
	}

	@Test
	void checkThenApplyShouldDoExactlyWhatApplyAloneDoes() {
		for (SimulationCommand command : everyKind(start())) {
			Simulation checked = start();
			Simulation applied = start();
			checked.check(command);
			checked.apply(command);
			applied.apply(command);
			assertThat(Recorder.linesUntil(checked, 6_000_000)).as(command.toString())
				.isEqualTo(Recorder.linesUntil(applied, 6_000_000));
		}
	}

	@Test
	void checkWhenTheCommandIsBadShouldRefuseItInApplysWords() {
		Simulation simulation = start();
		String deleted = podOn(simulation, "n1", 0);
		String kept = podOn(simulation, "n1", 1);
		simulation.apply(new DeletePod(deleted));
		simulation.apply(new KillNode("n2"));
		List<SimulationCommand> bad = List.of(new MovePod("nope", "n3"), new MovePod(kept, "n1"),
				new MovePod(deleted, "n3"), new DeletePod(deleted), new ScaleReplicas(-1), new AddNode("n1"),
				new CordonNode("n9", true), new DrainNode("n9"), new KillNode("n2"), new RemoveNode("n9"),
				new SetClientRate(-5));
		for (SimulationCommand command : bad) {
			String expected = refusal(() -> simulation.apply(command));
			assertThatIllegalArgumentException().as(command.toString())
				.isThrownBy(() -> simulation.check(command))
				.withMessage(expected);
		}
	}

	@Test
	void checkWhenTheApiServerWouldRejectTheChangeShouldThrowItsRejection() {
		CommandTests.assertExternalPolicyRefusedOnAClusterIp(Simulation::check);
	}

	private static Simulation start() {
		Simulation simulation = Simulation.start(Presets.sixReplicasSpread(), Presets.settings(4));
		simulation.advanceTo(1_000_000, EventSink.NONE);
		return simulation;
	}

	private static String podOn(Simulation simulation, String node, int index) {
		return Snapshots.podsOn(simulation, node).stream().map(PodState::name).sorted().toList().get(index);
	}

	private static String refusal(Runnable command) {
		try {
			command.run();
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("not refused");
	}

}
