package io.trafficlab.sandbox;

import java.util.function.Supplier;

import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationCommand.AddNode;
import io.trafficlab.engine.simulation.SimulationCommand.CordonNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.DrainNode;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.RemoveNode;
import io.trafficlab.engine.simulation.SimulationCommand.RolloutRestart;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands on a sandbox's pods, replicas and nodes.
 */
@RestController
@RequestMapping(SandboxDestinations.API + "/{id}")
record SandboxClusterController(SandboxCommands commands) {

	@PostMapping("/pods/{pod}/move")
	ResponseEntity<Void> movePod(@PathVariable String id, @PathVariable String pod, @RequestParam("node") String node) {
		return apply(id, () -> new MovePod(pod, node));
	}

	@DeleteMapping("/pods/{pod}")
	ResponseEntity<Void> deletePod(@PathVariable String id, @PathVariable String pod) {
		return apply(id, () -> new DeletePod(pod));
	}

	@PostMapping("/replicas")
	ResponseEntity<Void> scale(@PathVariable String id, @RequestParam("count") int count) {
		return apply(id, () -> new ScaleReplicas(count));
	}

	@PostMapping("/rollout/restart")
	ResponseEntity<Void> rolloutRestart(@PathVariable String id) {
		return apply(id, RolloutRestart::new);
	}

	@PostMapping("/nodes")
	ResponseEntity<Void> addNode(@PathVariable String id,
			@RequestParam(name = "name", required = false) @Nullable String name) {
		return apply(id, () -> new AddNode((name == null || name.isBlank()) ? null : name));
	}

	@DeleteMapping("/nodes/{node}")
	ResponseEntity<Void> removeNode(@PathVariable String id, @PathVariable String node) {
		return apply(id, () -> new RemoveNode(node));
	}

	@PostMapping("/nodes/{node}/cordon")
	ResponseEntity<Void> cordon(@PathVariable String id, @PathVariable String node) {
		return apply(id, () -> new CordonNode(node, true));
	}

	@PostMapping("/nodes/{node}/uncordon")
	ResponseEntity<Void> uncordon(@PathVariable String id, @PathVariable String node) {
		return apply(id, () -> new CordonNode(node, false));
	}

	@PostMapping("/nodes/{node}/drain")
	ResponseEntity<Void> drain(@PathVariable String id, @PathVariable String node) {
		return apply(id, () -> new DrainNode(node));
	}

	@PostMapping("/nodes/{node}/kill")
	ResponseEntity<Void> kill(@PathVariable String id, @PathVariable String node) {
		return apply(id, () -> new KillNode(node));
	}

	private ResponseEntity<Void> apply(String id, Supplier<SimulationCommand> command) {
		return this.commands.apply(id, command);
	}

}
