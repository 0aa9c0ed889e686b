package io.trafficlab.classroom;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The teacher's view of the class, one row per student.
 *
 * @param anonymous whether names are hidden ("Student 3")
 * @param challenge the challenge set, or {@code null}
 * @param students the rows, in the order students joined
 * @param showing the reference of the student whose sandbox the room's stream shows, or
 * {@code null} while it shows the teacher's
 */
record DashboardJson(boolean anonymous, ClassJson.@Nullable ChallengeJson challenge, List<Row> students,
		@Nullable String showing) {

	/**
	 * @param ref the student's reference (for showing their sandbox), never their token
	 * @param name the name they chose, or "Student n" when anonymous
	 * @param answered predictions they answered
	 * @param right of those, how many name the right choice
	 * @param challenge their progress on the challenge set, or {@code null} when none is
	 * set
	 */
	record Row(String ref, String name, int answered, int right, @Nullable ChallengeRow challenge) {

	}

	/**
	 * @param started whether they have a sandbox for it
	 * @param holding how many of the goal's conditions hold now
	 * @param total how many the goal has
	 * @param solved whether every condition has held
	 * @param hintsUsed hints they showed
	 */
	record ChallengeRow(boolean started, int holding, int total, boolean solved, int hintsUsed) {

	}

}
