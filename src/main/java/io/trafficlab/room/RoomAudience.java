package io.trafficlab.room;

/**
 * How many browsers watch a room now (students and projectors): the stream knows, the
 * room API reports it.
 */
@FunctionalInterface
public interface RoomAudience {

	int watching(RoomCode code);

}
