package io.trafficlab.room;

import java.time.Instant;

/**
 * An open room: its code, the sandbox it follows and its teacher's secret. The sandbox id
 * and the secret stay on the server; students only ever see the code.
 *
 * @param code the code students join with
 * @param sandbox the teacher's sandbox id
 * @param teacher what the teacher's browser presents for the teacher's controls
 * @param opened when the room was opened
 */
public record Room(RoomCode code, String sandbox, TeacherSecret teacher, Instant opened) {

}
