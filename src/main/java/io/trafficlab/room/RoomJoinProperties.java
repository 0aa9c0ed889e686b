package io.trafficlab.room;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong room codes one client may try ({@code trafficlab.rooms.*}, beside
 * {@link RoomProperties}): room codes are short, so guessing them must be slow. Only
 * codes that name no open room count; past the limit every join from that client answers
 * 429 with {@code Retry-After} until its allowance has grown back.
 *
 * @param joinMissesPerMinute how many wrong codes one client (one remote address, an IPv6
 * /64) may try a minute once its burst is spent
 * @param joinBurst how many wrong codes one client may try at once (typos of a whole
 * class behind one address)
 */
@ConfigurationProperties("trafficlab.rooms")
public record RoomJoinProperties(@DefaultValue("10") double joinMissesPerMinute, @DefaultValue("30") int joinBurst) {

	public RoomJoinProperties {
		if (!(joinMissesPerMinute > 0 && joinMissesPerMinute <= 1_000_000)) {
			throw new IllegalArgumentException(
					"trafficlab.rooms.join-misses-per-minute must be above 0, not " + joinMissesPerMinute);
		}
		if (joinBurst < 1) {
			throw new IllegalArgumentException("trafficlab.rooms.join-burst must be at least 1, not " + joinBurst);
		}
	}

}
