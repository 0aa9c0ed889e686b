package io.trafficlab.room;

import io.trafficlab.sandbox.SandboxSnapshot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading a room: it takes only the code, and never answers the sandbox id. Opening and
 * closing rooms, and everything a class does in one, is the classroom's API.
 */
@RestController
@RequestMapping(RoomDestinations.API)
record RoomController(RoomJoins joins, RoomRegistry rooms, RoomAudience audience, RoomProperties properties) {

	@GetMapping("/{code}")
	RoomJson read(@PathVariable String code) {
		Room room = this.joins.get(code);
		return RoomJson.of(room, this.audience.watching(room.code()), this.properties.maxStudents());
	}

	/**
	 * What a late joiner draws first: the room's sandbox's state, never its id. Over
	 * HTTP, so that a load balancer takes it to the room's owner from whichever instance
	 * carries the browser's stream; then the browser applies the batches numbered after
	 * its {@code seq}.
	 */
	@GetMapping("/{code}/snapshot")
	SandboxSnapshot snapshot(@PathVariable String code) {
		return this.rooms.snapshot(this.joins.get(code).code());
	}

}
