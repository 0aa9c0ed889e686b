package io.trafficlab.sandbox;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sandbox's clock: pause, resume, single steps, speed and reset.
 */
@RestController
@RequestMapping(SandboxDestinations.API + "/{id}")
record SandboxClockController(SandboxRegistry registry, SandboxCommands commands) {

	@PostMapping("/pause")
	ResponseEntity<Void> pause(@PathVariable String id) {
		return this.commands.run(id, CommandId.PAUSE, Sandbox::pause);
	}

	@PostMapping("/resume")
	ResponseEntity<Void> resume(@PathVariable String id) {
		return this.commands.run(id, CommandId.RESUME, Sandbox::resume);
	}

	/**
	 * Steps happen on the next tick (within one tick interval), so that only the ticker
	 * ever moves the clock.
	 */
	@PostMapping("/step")
	ResponseEntity<Void> step(@PathVariable String id, @RequestParam(name = "count", defaultValue = "1") int count) {
		return this.commands.run(id, CommandId.STEP, HttpStatus.ACCEPTED, (sandbox) -> sandbox.step(count));
	}

	@PostMapping("/reset")
	ResponseEntity<Void> reset(@PathVariable String id) {
		return this.commands.run(id, CommandId.RESET, this.registry::reset);
	}

	@PutMapping("/speed")
	ResponseEntity<Void> speed(@PathVariable String id, @RequestParam("factor") double factor) {
		return this.commands.run(id, CommandId.SET_SPEED, (sandbox) -> sandbox.speed(factor));
	}

}
