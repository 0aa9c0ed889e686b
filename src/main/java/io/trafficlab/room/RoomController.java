package io.trafficlab.room;

import java.net.URI;

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
 * Opening, reading and closing rooms. Opening and closing take the teacher's sandbox id
 * (the capability: whoever holds it controls the sandbox); reading takes only the code,
 * and never answers the id.
 */
@RestController
@RequestMapping(RoomDestinations.API)
class RoomController {

	private final RoomRegistry rooms;

	private final RoomJoins joins;

	private final RoomAudience audience;

	private final RoomProperties properties;

	RoomController(RoomRegistry rooms, RoomJoins joins, RoomAudience audience, RoomProperties properties) {
		this.rooms = rooms;
		this.joins = joins;
		this.audience = audience;
		this.properties = properties;
	}

	/**
	 * Opens a room on the sandbox: {@code 201} with its code, or {@code 200} with the one
	 * already open on it.
	 */
	@PostMapping
	ResponseEntity<RoomJson> open(@RequestParam(name = "sandbox", required = false) @Nullable String sandbox) {
		RoomRegistry.Opened opened = this.rooms.open(required(sandbox));
		RoomJson room = json(opened.room());
		if (!opened.created()) {
			return ResponseEntity.ok(room);
		}
		return ResponseEntity.created(URI.create(RoomDestinations.API + "/" + room.code())).body(room);
	}

	@GetMapping("/{code}")
	RoomJson read(@PathVariable String code) {
		return json(this.joins.get(code));
	}

	/** Ends the room now: its students read that it has ended; the sandbox goes on. */
	@DeleteMapping("/{code}")
	ResponseEntity<Void> close(@PathVariable String code,
			@RequestParam(name = "sandbox", required = false) @Nullable String sandbox) {
		this.rooms.close(RoomCode.parse(code), required(sandbox));
		return ResponseEntity.noContent().build();
	}

	private static String required(@Nullable String sandbox) {
		if (sandbox == null) {
			throw RoomRequestException.missingSandbox();
		}
		return sandbox;
	}

	private RoomJson json(Room room) {
		return RoomJson.of(room, this.audience.watching(room.code()), this.properties.maxStudents());
	}

}
