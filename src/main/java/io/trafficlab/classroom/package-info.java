/**
 * A class in a room: the lesson step or challenge a teacher sets, the students who join
 * (by a name they choose), their predictions counted live (never who answered what),
 * their challenge progress on the teacher's dashboard, pacing, and the results as CSV.
 * The teacher's controls need the room's teacher secret; the code alone lets a person
 * watch and answer. Nothing about students outlives the room.
 */
@NullMarked
package io.trafficlab.classroom;

import org.jspecify.annotations.NullMarked;
