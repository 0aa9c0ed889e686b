package io.trafficlab.room;

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
class RoomController {

	private final RoomJoins joins;

	private final RoomAudience audience;

	private final RoomProperties properties;

	RoomController(RoomJoins joins, RoomAudience audience, RoomProperties properties) {
		this.joins = joins;
		this.audience = audience;
		this.properties = properties;
	}

	@GetMapping("/{code}")
	RoomJson read(@PathVariable String code) {
		Room room = this.joins.get(code);
		return RoomJson.of(room, this.audience.watching(room.code()), this.properties.maxStudents());
	}

}
