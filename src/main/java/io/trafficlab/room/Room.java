package io.trafficlab.room;

import java.time.Instant;

/**
 * An open room: its code and the sandbox it follows. The sandbox id stays on the server;
 * students only ever see the code.
 *
 * @param code the code students join with
 * @param sandbox the teacher's sandbox id
 * @param opened when the room was opened
 */
public record Room(RoomCode code, String sandbox, Instant opened) {

}
