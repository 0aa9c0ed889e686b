package io.trafficlab.sandbox;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Creating, reading, replacing and ending sandboxes.
 */
@RestController
@RequestMapping(SandboxDestinations.API)
record SandboxController(SandboxRegistry registry, SandboxCommands commands) {

	/**
	 * From manifests in the body, or from a permalink's {@code ?s=}, or else from
	 * {@code ?preset=} (default: the default preset).
	 */
	@PostMapping
	ResponseEntity<SandboxCreatedJson> create(@RequestParam(name = "preset", required = false) @Nullable String preset,
			@RequestParam(name = "seed", required = false) @Nullable Long seed,
			@RequestParam(name = "s", required = false) @Nullable String link, HttpServletRequest request)
			throws IOException {
		String manifests = ManifestBody.read(request);
		int sources = ((manifests != null) ? 1 : 0) + ((preset != null) ? 1 : 0) + ((link != null) ? 1 : 0);
		if (sources > 1) {
			throw SandboxRequestException
				.badValue("Send only one of: manifests as the body, query parameter 'preset', query parameter 's'.");
		}
		Sandbox sandbox;
		if (link != null) {
			sandbox = this.registry.createFromShared(PermalinkCodec.decode(link));
		}
		else {
			sandbox = (manifests != null) ? this.registry.createFromManifests(manifests, seed)
					: this.registry.createFromPreset(preset, seed);
		}
		SandboxCreatedJson created = SandboxCreatedJson.of(sandbox.id(), sandbox.preset());
		return ResponseEntity.created(URI.create(created.snapshotUrl())).body(created);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> end(@PathVariable String id) {
		if (!this.registry.end(id)) {
			throw SandboxRequestException.notFound(this.registry.whyMissing(id));
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
		return this.commands.run(id, CommandId.RESET_STATISTICS, Sandbox::resetStatistics);
	}

	/**
	 * A link to the playground that starts a new sandbox in this one's state, and whether
	 * that state differs from the start: {@code {"url": "http://host/?s=...",
	 * "changedSinceStart": true}}. A state too large for a link is a 422 (export the
	 * manifests instead).
	 */
	@GetMapping("/{id}/permalink")
	Permalink permalink(@PathVariable String id) {
		Sandbox sandbox = this.registry.get(id);
		boolean changed = sandbox.changedSinceStart();
		String link = sandbox.permalinkState();
		return new Permalink(ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/")
			.queryParam("s", link)
			.build()
			.toUriString(), changed);
	}

	/**
	 * The current cluster as Kubernetes manifests: nodes, the Service, workloads, and
	 * every pod on its node.
	 */
	@GetMapping(path = "/{id}/manifests", produces = "application/yaml")
	ResponseEntity<String> exportManifests(@PathVariable String id) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"traffic-lab.yaml\"")
			.body(this.registry.get(id).manifests());
	}

	/** Replaces the running simulation with the manifests in the body. */
	@PostMapping("/{id}/manifests")
	ResponseEntity<Void> manifests(@PathVariable String id, HttpServletRequest request) throws IOException {
		Sandbox sandbox = this.registry.get(id);
		this.registry.switchToManifests(sandbox, ManifestBody.require(request));
		return this.commands.answering(HttpStatus.NO_CONTENT, sandbox, CommandId.APPLY_MANIFESTS).build();
	}

	/** Replaces the running simulation with a preset. */
	@PostMapping("/{id}/preset")
	ResponseEntity<Void> preset(@PathVariable String id, @RequestParam("name") String name) {
		return this.commands.run(id, CommandId.SWITCH_PRESET, (sandbox) -> this.registry.switchToPreset(sandbox, name));
	}

}
