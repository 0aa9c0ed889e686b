package io.trafficlab.room;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of classroom rooms ({@code trafficlab.rooms.*}).
 *
 * @param max how many rooms may be open at once; opening one more answers 503
 * @param maxStudents how many browsers (students and projectors) may watch one room at
 * once; one more is refused when it subscribes
 */
@ConfigurationProperties("trafficlab.rooms")
public record RoomProperties(@DefaultValue("100") int max, @DefaultValue("200") int maxStudents) {

	public RoomProperties {
		requireBetween("max", max);
		requireBetween("max-students", maxStudents);
	}

	public static RoomProperties defaults() {
		return new RoomProperties(100, 200);
	}

	private static void requireBetween(String name, int value) {
		if (value < 1 || value > 10_000) {
			throw new IllegalArgumentException(
					"trafficlab.rooms." + name + " must be between 1 and 10000, not " + value);
		}
	}

}
