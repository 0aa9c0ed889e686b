/**
 * Classroom rooms: a teacher opens a room on their sandbox and gets a short code;
 * students join with it and watch that sandbox live, read-only, through the room's own
 * STOMP topics, never through the sandbox id (the id is what commands need). A room ends
 * with its sandbox.
 */
@NullMarked
package io.trafficlab.room;

import org.jspecify.annotations.NullMarked;
