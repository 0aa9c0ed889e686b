package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulatedBalancers;
import io.trafficlab.engine.simulation.SimulationCommand;
import tools.jackson.databind.JsonNode;

import static io.trafficlab.teaching.OneKeyMap.count;
import static io.trafficlab.teaching.OneKeyMap.field;

/**
 * Reads a question's {@code reveal}: a YAML list of one-key maps, each one of the
 * sandbox's HTTP commands (docs/sandbox-api.md), for example
 * {@code [{externalTrafficPolicy: Cluster}, {movePod: {pod: web-4, node: n3}}]}.
 */
final class RevealReader {

	private static final Map<String, Function<JsonNode, SimulationCommand>> KINDS = new TreeMap<>();

	static {
		KINDS.put("externalTrafficPolicy", (value) -> new SimulationCommand.SetExternalTrafficPolicy(policy(value)));
		KINDS.put("lb", (value) -> new SimulationCommand.SetLoadBalancerModel(lb(value)));
		KINDS.put("loadBalancer", (value) -> new SimulationCommand.SetLoadBalancerKind(simulated(loadBalancer(value))));
		KINDS.put("dataplane", (value) -> new SimulationCommand.SetDataplane(dataplane(value)));
		KINDS.put("network", (value) -> new SimulationCommand.SetNetwork(network(value)));
		KINDS.put("movePod",
				(value) -> new SimulationCommand.MovePod(name(field(value, "pod")), name(field(value, "node"))));
		KINDS.put("deletePod", (value) -> new SimulationCommand.DeletePod(name(value)));
		KINDS.put("scale", (value) -> new SimulationCommand.ScaleReplicas(count(value)));
		KINDS.put("rolloutRestart", RevealReader::rolloutRestart);
		KINDS.put("addNode", (value) -> new SimulationCommand.AddNode(name(value)));
		KINDS.put("removeNode", (value) -> new SimulationCommand.RemoveNode(name(value)));
		KINDS.put("cordonNode", (value) -> new SimulationCommand.CordonNode(name(value), true));
		KINDS.put("uncordonNode", (value) -> new SimulationCommand.CordonNode(name(value), false));
		KINDS.put("drainNode", (value) -> new SimulationCommand.DrainNode(name(value)));
		KINDS.put("killNode", (value) -> new SimulationCommand.KillNode(name(value)));
		KINDS.put("clientRate", (value) -> new SimulationCommand.SetClientRate(rate(value)));
	}

	private RevealReader() {
	}

	static List<String> kinds() {
		return List.copyOf(KINDS.keySet());
	}

	/** Reads the list; a missing reveal is an empty list. */
	static List<SimulationCommand> commands(JsonNode node, String where) {
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new IllegalArgumentException(where + " must be a list of commands, one of " + kinds());
		}
		List<SimulationCommand> commands = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			commands.add(command(node.get(i), where + ", command " + (i + 1)));
		}
		return commands;
	}

	private static SimulationCommand command(JsonNode node, String where) {
		return OneKeyMap.read(node, where, "command", KINDS);
	}

	/**
	 * {@code rolloutRestart: true}: the only value, so that the YAML reads as a switch.
	 */
	private static SimulationCommand rolloutRestart(JsonNode value) {
		if (!value.isBoolean() || !value.asBoolean()) {
			throw new IllegalArgumentException("rolloutRestart takes true, not " + value);
		}
		return new SimulationCommand.RolloutRestart();
	}

	static TrafficPolicy policy(JsonNode value) {
		return SpelledValueReader.read(TrafficPolicy.class, value);
	}

	static LoadBalancerModel lb(JsonNode value) {
		return SpelledValueReader.read(LoadBalancerModel.class, value);
	}

	static LoadBalancerKind loadBalancer(JsonNode value) {
		return SpelledValueReader.read(LoadBalancerKind.class, value);
	}

	static NetworkModel network(JsonNode value) {
		return SpelledValueReader.read(NetworkModel.class, value);
	}

	static Dataplane dataplane(JsonNode value) {
		return SpelledValueReader.read(Dataplane.class, value);
	}

	private static LoadBalancerKind simulated(LoadBalancerKind kind) {
		SimulatedBalancers.check(kind);
		return kind;
	}

	static double rate(JsonNode value) {
		if (!value.isNumber() || value.doubleValue() < 0) {
			throw new IllegalArgumentException("expected connections per second (0 or more), got " + value);
		}
		return value.doubleValue();
	}

	private static String name(JsonNode value) {
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new IllegalArgumentException("expected a name, got " + value);
		}
		return value.stringValue();
	}

}
