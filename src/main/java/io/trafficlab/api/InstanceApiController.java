package io.trafficlab.api;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.SandboxRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/instance}: which instance answers and what it holds. Cheap (two
 * counts), so a load balancer's health check asks it, rather than a page that renders.
 */
@RestController
class InstanceApiController {

	private final ThisInstance instance;

	private final SandboxRegistry sandboxes;

	private final RoomRegistry rooms;

	InstanceApiController(ThisInstance instance, SandboxRegistry sandboxes, RoomRegistry rooms) {
		this.instance = instance;
		this.sandboxes = sandboxes;
		this.rooms = rooms;
	}

	@GetMapping("/api/v1/instance")
	InstanceJson instance() {
		String id = this.instance.id().map(String::valueOf).orElse(null);
		return new InstanceJson(id, this.sandboxes.size(), this.rooms.size());
	}

	/**
	 * @param instance this instance's symbol, or {@code null} when it is the only one
	 * @param sandboxes its live sandboxes
	 * @param rooms its open rooms
	 */
	record InstanceJson(@Nullable String instance, int sandboxes, int rooms) {
	}

}
