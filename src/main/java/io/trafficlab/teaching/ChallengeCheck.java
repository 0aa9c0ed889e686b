package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.trafficlab.engine.goal.Condition;
import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.engine.goal.GoalSubject;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationSettings;

/**
 * What a challenge file must satisfy beyond its syntax: its start runs as a simulation,
 * its goal names only nodes the start has, and the goal does not already hold at the
 * start (there would be nothing to do).
 */
final class ChallengeCheck {

	private ChallengeCheck() {
	}

	/** The simulation a challenge starts as, with seed 1 when the file gives none. */
	static Simulation start(Challenge challenge) {
		ChallengeStart start = challenge.start();
		SimulationSettings base = SimulationSettings.defaults().withSeed((start.seed() != null) ? start.seed() : 1);
		return Simulation.start(start.declaration(), start.settings(base));
	}

	/**
	 * @throws IllegalArgumentException naming the place in the file
	 */
	static void check(Challenge challenge) {
		Simulation simulation;
		try {
			simulation = start(challenge);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("start: the cluster does not start: " + ex.getMessage(), ex);
		}
		Set<String> nodes = simulation.cluster()
			.nodes()
			.stream()
			.map(Node::name)
			.collect(Collectors.toCollection(TreeSet::new));
		List<Condition> conditions = challenge.goal().conditions();
		for (int i = 0; i < conditions.size(); i++) {
			for (String node : nodesNamed(conditions.get(i))) {
				if (!nodes.contains(node)) {
					throw new IllegalArgumentException("goal, condition " + (i + 1) + ": there is no node \"" + node
							+ "\" at the start; the nodes are " + nodes);
				}
			}
		}
		GoalReport report = challenge.goal().check(GoalSubject.of(simulation));
		if (report.achieved()) {
			throw new IllegalArgumentException(
					"goal: every condition already holds at the start, so there is " + "nothing to do");
		}
	}

	private static List<String> nodesNamed(Condition condition) {
		List<String> names = new ArrayList<>();
		if (condition instanceof Condition.HealthCheckPasses check) {
			names.add(check.node());
		}
		else if (condition instanceof Condition.PodsOnNode pods) {
			names.add(pods.node());
		}
		else if (condition instanceof Condition.PodShareOnNode share) {
			names.add(share.node());
		}
		else if (condition instanceof Condition.NodeShare share) {
			names.add(share.node());
		}
		return names;
	}

}
