package io.trafficlab.stream;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.room.RoomRequestException;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.system.ErrorsJson;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * Answers a subscription to {@code /app/sandboxes/{id}/snapshot} (or a room's
 * {@code /app/rooms/{code}/snapshot}) once, to that subscriber only, with the sandbox's
 * full state: a late joiner draws it at once, then applies the batches numbered after its
 * {@code seq}.
 */
@Controller
record SnapshotController(SandboxRegistry registry, RoomRegistry rooms, PeerReports peers) {

	/**
	 * A snapshot, or {@code {"errors": [...]}} when the sandbox ended in the meantime.
	 */
	@SubscribeMapping("/sandboxes/{id}/snapshot")
	Object snapshot(@DestinationVariable String id) {
		Sandbox sandbox = this.registry.find(id).orElse(null);
		if (sandbox == null) {
			return ErrorsJson.of(this.registry.whyMissing(id));
		}
		this.registry.keepAlive(sandbox);
		return sandbox.snapshot();
	}

	/**
	 * The snapshot of the sandbox the room's stream carries (the teacher's, or a
	 * student's the teacher shows), named by the room's code instead of the sandbox id;
	 * or {@code {"errors": [...]}} when the room ended in the meantime. The guard has
	 * checked the code's form.
	 */
	@SubscribeMapping("/rooms/{code}/snapshot")
	Object roomSnapshot(@DestinationVariable String code) {
		RoomCode room = new RoomCode(code);
		if (this.rooms.find(room).isEmpty() && this.peers.openElsewhere(room)) {
			return ErrorsJson.of("Room " + room.display() + " is open on another server: take its snapshot from GET "
					+ RoomDestinations.API + "/" + room.value() + "/snapshot, which a load balancer takes there.");
		}
		try {
			return this.rooms.snapshot(room);
		}
		catch (RoomRequestException ex) {
			return ErrorsJson.of(String.valueOf(ex.getMessage()));
		}
	}

}
