package io.trafficlab.stream;

import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.system.ApiErrors;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers a subscription to {@code /app/sandboxes/{id}/snapshot} once, to that subscriber only, with the sandbox's
 * full state: a late joiner draws it at once, then applies the batches numbered after its {@code seq}.
 */
@Controller
class SnapshotController {

	private final SandboxRegistry registry;

	SnapshotController(SandboxRegistry registry) {
		this.registry = registry;
	}

	/** A snapshot, or {@code {"errors": [...]}} when the sandbox ended in the meantime. */
	@SubscribeMapping("/sandboxes/{id}/snapshot")
	Object snapshot(@DestinationVariable String id) {
		Sandbox sandbox = this.registry.find(id).orElse(null);
		if (sandbox == null) {
			return ApiErrors.of("There is no sandbox \"" + id + "\": it never existed or it ended.");
		}
		this.registry.keepAlive(sandbox);
		return sandbox.snapshot();
	}

}
