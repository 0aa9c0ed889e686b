package io.trafficlab.room;

import java.time.Clock;

import io.trafficlab.cluster.ThisInstance;

import io.trafficlab.sandbox.SandboxRegistry;

/**
 * A room registry without Spring, for tests of other packages.
 */
public final class TestRooms {

	private TestRooms() {
	}

	/**
	 * Rooms on these sandboxes, with the default limits, telling nobody when one ends.
	 */
	public static RoomRegistry registry(SandboxRegistry sandboxes) {
		return new RoomRegistry(sandboxes, RoomProperties.defaults(), Clock.systemUTC(), (event) -> {
		}, ThisInstance.single());
	}

}
