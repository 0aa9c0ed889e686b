package io.trafficlab.room;

import java.time.Clock;
import java.util.Optional;

import io.trafficlab.system.ClientRateLimiter;
import io.trafficlab.system.ClientRequests;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Looking a room up by the code a person typed, with a limit per client on codes that
 * name no open room (see {@link RoomJoinProperties}).
 */
@Component
class RoomJoins {

	private final RoomRegistry rooms;

	private final ClientRateLimiter misses;

	RoomJoins(RoomRegistry rooms, RoomJoinProperties properties, Clock clock) {
		this.rooms = rooms;
		this.misses = new ClientRateLimiter(properties.joinMissesPerMinute(), properties.joinBurst(), clock);
	}

	/**
	 * The open room with that code.
	 * @throws RoomRequestException 429 when this client has tried too many wrong codes,
	 * else as {@link RoomRegistry#get}
	 */
	Room get(String code) {
		Optional<String> client = ClientRequests.currentClient();
		client.flatMap(this.misses::waitFor).ifPresent((wait) -> {
			throw RoomRequestException.tooManyMisses(wait);
		});
		try {
			return this.rooms.get(RoomCode.parse(code));
		}
		catch (RoomRequestException ex) {
			if (ex.status() != HttpStatus.SERVICE_UNAVAILABLE) {
				client.ifPresent(this.misses::acquire);
			}
			throw ex;
		}
	}

}
