package io.trafficlab.room;

/**
 * Published when a room ends (its sandbox ended, or the teacher closed it), so that
 * watching students are told.
 *
 * @param code the room's code
 * @param message what students read, starting with "This room has ended"
 */
public record RoomEnded(RoomCode code, String message) {

}
