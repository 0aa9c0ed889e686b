package io.trafficlab.sandbox;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compare mode: a second sandbox from the same source and seed, paired with the first so
 * that every command applies to both or to neither.
 */
@RestController
@RequestMapping(SandboxDestinations.API + "/{id}/comparison")
record SandboxComparisonController(SandboxRegistry registry, SandboxCommands commands) {

	/** Starts the comparison: {@code 201} with the new (right, Local) sandbox. */
	@PostMapping
	ResponseEntity<SandboxCreatedJson> start(@PathVariable String id) {
		Sandbox left = this.registry.get(id);
		Sandbox right = this.registry.compare(left);
		SandboxCreatedJson created = SandboxCreatedJson.of(right.id(), right.preset());
		return this.commands.answering(HttpStatus.CREATED, left, CommandId.START_COMPARISON)
			.location(URI.create(created.snapshotUrl()))
			.body(created);
	}

	/** Stops the comparison and ends its right side: {@code 204}. */
	@DeleteMapping
	ResponseEntity<Void> stop(@PathVariable String id) {
		return this.commands.run(id, CommandId.STOP_COMPARISON, this.registry::stopComparing);
	}

}
