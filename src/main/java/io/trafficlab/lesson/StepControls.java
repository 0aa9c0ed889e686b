package io.trafficlab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonStep;
import io.trafficlab.teaching.Question;
import io.trafficlab.teaching.StepSandbox;
import org.jspecify.annotations.Nullable;

/**
 * The controls of the playground's bar a lesson step shows at once (the rest wait behind
 * "More controls"), by their {@code data-control} names: the clock and the policy always,
 * plus each control the step's questions act on and each setting its sandbox starts away
 * from the playground's default. Pod moves and node actions are on the canvas, not in the
 * bar.
 */
public final class StepControls {

	/**
	 * The bar's control for each command a reveal may run (records: their class is
	 * exact).
	 */
	private static final Map<Class<?>, String> CONTROLS = Map.of(SimulationCommand.SetExternalTrafficPolicy.class,
			"policy", SimulationCommand.SetLoadBalancerModel.class, "lb-model",
			SimulationCommand.SetLoadBalancerKind.class, "lb-kind", SimulationCommand.SetDataplane.class, "dataplane",
			SimulationCommand.SetNetwork.class, "network", SimulationCommand.ScaleReplicas.class, "replicas",
			SimulationCommand.RolloutRestart.class, "rollout-restart", SimulationCommand.AddNode.class, "add-node",
			SimulationCommand.SetClientRate.class, "rate");

	private static final List<String> ALWAYS = List.of("play", "pause", "policy");

	private StepControls() {
	}

	/**
	 * The controls any step of the lesson shows at once: the bar of a page that moves
	 * through the steps without reloading (a classroom teacher's).
	 */
	public static List<String> of(Lesson lesson) {
		Set<String> controls = new LinkedHashSet<>();
		lesson.steps().forEach((step) -> controls.addAll(of(step)));
		return List.copyOf(controls);
	}

	static List<String> of(LessonStep step) {
		Set<String> controls = new LinkedHashSet<>(ALWAYS);
		controls.addAll(startedAwayFromDefault(step.sandbox()));
		for (Question question : step.questions()) {
			for (SimulationCommand command : question.reveal()) {
				String control = control(command);
				if (control != null) {
					controls.add(control);
				}
			}
		}
		return List.copyOf(controls);
	}

	private static List<String> startedAwayFromDefault(StepSandbox sandbox) {
		List<String> controls = new ArrayList<>();
		if (sandbox.lb() != LoadBalancerModel.EVEN) {
			controls.add("lb-model");
		}
		if (sandbox.loadBalancer() != LoadBalancerKind.AWS_NLB_INSTANCE) {
			controls.add("lb-kind");
		}
		if (sandbox.dataplane() != Dataplane.KUBE_PROXY) {
			controls.add("dataplane");
		}
		if (sandbox.network() != NetworkModel.DEFAULT) {
			controls.add("network");
		}
		return controls;
	}

	/**
	 * The bar's control that does what the command does, or {@code null} (a canvas
	 * action).
	 */
	private static @Nullable String control(SimulationCommand command) {
		return CONTROLS.get(command.getClass());
	}

}
