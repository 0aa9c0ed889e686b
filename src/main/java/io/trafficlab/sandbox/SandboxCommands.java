package io.trafficlab.sandbox;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.ServiceUpdate;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationCommand.UpdateService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Runs the HTTP commands: finds the sandbox (an unknown one is a 404 whatever the
 * parameters), applies the command, counts it, and answers with the outcome in an
 * {@code HX-Trigger} header: htmx turns it into a {@value #EVENT} event on the control
 * that sent the request, and any other client reads the same JSON.
 */
@Component
record SandboxCommands(SandboxRegistry registry, JsonMapper json) {

	static final String HEADER = "HX-Trigger";

	static final String EVENT = "trafficlab:command";

	/** Applies a simulation command; {@code 204}. */
	ResponseEntity<Void> apply(String id, Supplier<SimulationCommand> command) {
		Sandbox sandbox = this.registry.get(id);
		SimulationCommand built = command.get();
		sandbox.apply(built);
		return answer(HttpStatus.NO_CONTENT, sandbox, CommandId.of(built));
	}

	/**
	 * Edits the followed Service; {@code 200} with the ports the API server released and
	 * allocated.
	 */
	ResponseEntity<PortChanges> editService(String id, DeclaredService edited) {
		Sandbox sandbox = this.registry.get(id);
		ServiceUpdate update = sandbox.editService(edited);
		return answering(HttpStatus.OK, sandbox, CommandId.of(new UpdateService(edited)))
			.body(new PortChanges(update.released(), update.allocated()));
	}

	/**
	 * The node ports and health-check port an edit freed or took.
	 *
	 * @param released freed by the update
	 * @param allocated taken by it
	 */
	record PortChanges(List<Integer> released, List<Integer> allocated) {
	}

	/** Runs any other command; {@code 204}. */
	ResponseEntity<Void> run(String id, CommandId command, Consumer<Sandbox> action) {
		return run(id, command, HttpStatus.NO_CONTENT, action);
	}

	ResponseEntity<Void> run(String id, CommandId command, HttpStatus status, Consumer<Sandbox> action) {
		Sandbox sandbox = this.registry.get(id);
		action.accept(sandbox);
		return answer(status, sandbox, command);
	}

	private ResponseEntity<Void> answer(HttpStatus status, Sandbox sandbox, CommandId command) {
		return answering(status, sandbox, command).build();
	}

	/**
	 * Counts a command the sandbox accepted and starts its answer, with the outcome
	 * header.
	 */
	ResponseEntity.BodyBuilder answering(HttpStatus status, Sandbox sandbox, CommandId command) {
		CommandOutcome outcome = sandbox.accepted(command);
		return ResponseEntity.status(status).header(HEADER, this.json.writeValueAsString(Map.of(EVENT, outcome)));
	}

}
