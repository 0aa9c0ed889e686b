package io.trafficlab.stream;

import java.util.List;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.SandboxRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/instance}: which instance answers and what it holds. Cheap (two
 * counts), so a load balancer's health check asks it, rather than a page that renders.
 * Instances that share a broker list the others they hear.
 */
@RestController
class InstanceController {

	private final ThisInstance instance;

	private final SandboxRegistry sandboxes;

	private final RoomRegistry rooms;

	private final PeerReports peers;

	InstanceController(ThisInstance instance, SandboxRegistry sandboxes, RoomRegistry rooms, PeerReports peers) {
		this.instance = instance;
		this.peers = peers;
		this.sandboxes = sandboxes;
		this.rooms = rooms;
	}

	@GetMapping("/api/v1/instance")
	InstanceJson instance() {
		String id = this.instance.id().map(String::valueOf).orElse(null);
		return new InstanceJson(id, this.sandboxes.size(), this.rooms.size(), this.peers.heard());
	}

	/**
	 * @param instance this instance's symbol, or {@code null} when it is the only one
	 * @param sandboxes its live sandboxes
	 * @param rooms its open rooms
	 * @param peers the other instances it heard from in the last three seconds, through
	 * the broker
	 */
	record InstanceJson(@Nullable String instance, int sandboxes, int rooms, List<String> peers) {
	}

}
