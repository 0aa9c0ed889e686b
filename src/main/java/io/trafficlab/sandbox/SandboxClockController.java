package io.trafficlab.sandbox;

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
class SandboxClockController {

	private final SandboxRegistry registry;

	SandboxClockController(SandboxRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/pause")
	ResponseEntity<Void> pause(@PathVariable String id) {
		this.registry.get(id).pause();
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/resume")
	ResponseEntity<Void> resume(@PathVariable String id) {
		this.registry.get(id).resume();
		return ResponseEntity.noContent().build();
	}

	/**
	 * Steps happen on the next tick (within one tick interval), so that only the ticker
	 * ever moves the clock.
	 */
	@PostMapping("/step")
	ResponseEntity<Void> step(@PathVariable String id, @RequestParam(name = "count", defaultValue = "1") int count) {
		this.registry.get(id).step(count);
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/reset")
	ResponseEntity<Void> reset(@PathVariable String id) {
		this.registry.reset(this.registry.get(id));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/speed")
	ResponseEntity<Void> speed(@PathVariable String id, @RequestParam("factor") double factor) {
		this.registry.get(id).speed(factor);
		return ResponseEntity.noContent().build();
	}

}
