package io.trafficlab.sandbox;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating, reading, replacing and ending sandboxes.
 */
@RestController
@RequestMapping(SandboxDestinations.API)
class SandboxController implements SandboxErrorResponses {

	private final SandboxRegistry registry;

	SandboxController(SandboxRegistry registry) {
		this.registry = registry;
	}

	/** From manifests in the body, or else from {@code ?preset=} (default: the default preset). */
	@PostMapping
	ResponseEntity<SandboxCreatedJson> create(@RequestParam(name = "preset", required = false) @Nullable String preset,
			@RequestParam(name = "seed", required = false) @Nullable Long seed, HttpServletRequest request)
			throws IOException {
		String manifests = ManifestBody.read(request);
		if (manifests != null && preset != null) {
			throw SandboxRequestException
				.badValue("Send either manifests as the body or query parameter 'preset', not both.");
		}
		Sandbox sandbox = (manifests != null) ? this.registry.createFromManifests(manifests, seed)
				: this.registry.createFromPreset(preset, seed);
		SandboxCreatedJson created = SandboxCreatedJson.of(sandbox.id(), sandbox.preset());
		return ResponseEntity.created(URI.create(created.snapshotUrl())).body(created);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> end(@PathVariable String id) {
		if (!this.registry.end(id)) {
			throw SandboxRequestException.notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/snapshot")
	SandboxSnapshot snapshot(@PathVariable String id) {
		return this.registry.get(id).snapshot();
	}

	@GetMapping("/{id}/statistics")
	SandboxStatistics statistics(@PathVariable String id) {
		return this.registry.get(id).statistics();
	}

	/** The observed counters start over from now (the exact shares stay). */
	@PostMapping("/{id}/statistics/reset")
	ResponseEntity<Void> resetStatistics(@PathVariable String id) {
		this.registry.get(id).resetStatistics();
		return ResponseEntity.noContent().build();
	}

	/** Replaces the running simulation with the manifests in the body. */
	@PostMapping("/{id}/manifests")
	ResponseEntity<Void> manifests(@PathVariable String id, HttpServletRequest request) throws IOException {
		Sandbox sandbox = this.registry.get(id);
		this.registry.switchToManifests(sandbox, ManifestBody.require(request));
		return ResponseEntity.noContent().build();
	}

	/** Replaces the running simulation with a preset. */
	@PostMapping("/{id}/preset")
	ResponseEntity<Void> preset(@PathVariable String id, @RequestParam("name") String name) {
		this.registry.switchToPreset(this.registry.get(id), name);
		return ResponseEntity.noContent().build();
	}

}
