package io.trafficlab.room;

import java.time.Clock;
import java.util.Optional;

import io.trafficlab.system.ClientRateLimiter;
import io.trafficlab.system.ClientRequests;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Looking a room up by the code a person typed, with a limit per client on codes that
 * name no open room (see {@link RoomJoinProperties}). Joins by page or API and
 * subscriptions to a room's stream topics draw on the same allowance.
 */
@Component
public class RoomJoins {

	private final RoomRegistry rooms;

	private final ClientRateLimiter misses;

	public RoomJoins(RoomRegistry rooms, RoomJoinProperties properties, Clock clock) {
		this.rooms = rooms;
		this.misses = new ClientRateLimiter(properties.joinMissesPerMinute(), properties.joinBurst(), clock);
	}

	/**
	 * The open room with that code.
	 * @throws RoomRequestException 429 when this client has tried too many wrong codes,
	 * else as {@link RoomRegistry#get}
	 */
	public Room get(String code) {
		Optional<String> client = ClientRequests.currentClient();
		client.ifPresent(this::requireAllowance);
		try {
			return this.rooms.get(RoomCode.parse(code));
		}
		catch (RoomRequestException ex) {
			if (ex.status() != HttpStatus.SERVICE_UNAVAILABLE) {
				client.ifPresent(this::miss);
			}
			throw ex;
		}
	}

	/**
	 * Refuses a client that has tried too many wrong codes, until its allowance has grown
	 * back.
	 * @param client the client's address, as {@link ClientRequests#clientOf} gives it
	 * @throws RoomRequestException 429, saying how long to wait
	 */
	public void requireAllowance(String client) {
		this.misses.waitFor(client).ifPresent((wait) -> {
			throw RoomRequestException.tooManyMisses(wait);
		});
	}

	/** Counts a code from this client that named no open room. */
	public void miss(String client) {
		this.misses.acquire(client);
	}

}
