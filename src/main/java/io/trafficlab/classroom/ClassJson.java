package io.trafficlab.classroom;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.trafficlab.classroom.ClassSettings.Activity;
import io.trafficlab.classroom.ClassSettings.Joins;
import io.trafficlab.classroom.ClassSettings.Pacing;
import io.trafficlab.classroom.ClassSettings.Showing;
import org.jspecify.annotations.Nullable;

/**
 * A class as anyone with the room's code may see it: on {@code GET …/class} and the
 * room's class topic. Counts, never who answered what.
 *
 * @param code the room's canonical code
 * @param generation grows with every change
 * @param activity what the class does
 * @param lesson the teacher's step, or {@code null} when the class is on no lesson
 * @param challenge the challenge set, or {@code null}
 * @param pacing whether students may go ahead of the teacher's step
 * @param joins whether new students may join
 * @param students how many have joined
 * @param maxStudents how many may
 * @param questions the teacher's step's questions, with the count per choice
 * @param solved how many students have solved the challenge set
 * @param showing whose sandbox the room's stream carries
 * @param showingGeneration grows each time that changes (pages resync their canvas)
 * @param notice for the teacher only, in the answer to a reveal the sandbox refused
 */
record ClassJson(String code, long generation, Activity activity, @Nullable LessonJson lesson,
		@Nullable ChallengeJson challenge, Pacing pacing, Joins joins, int students, int maxStudents,
		List<QuestionJson> questions, int solved, Showing showing, int showingGeneration,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String notice) {

	ClassJson withNotice(@Nullable String notice) {
		return new ClassJson(this.code, this.generation, this.activity, this.lesson, this.challenge, this.pacing,
				this.joins, this.students, this.maxStudents, this.questions, this.solved, this.showing,
				this.showingGeneration, notice);
	}

	/**
	 * @param id the lesson's id
	 * @param title its title
	 * @param step the teacher's step, from 1
	 * @param steps how many steps it has
	 * @param stepTitle the step's title
	 */
	record LessonJson(String id, String title, int step, int steps, String stepTitle) {

	}

	/**
	 * @param id the challenge's id
	 * @param title its title
	 */
	record ChallengeJson(String id, String title) {

	}

	/**
	 * @param question its number in the step, from 1
	 * @param choices how many choices it offers
	 * @param answered how many students have answered it
	 * @param counts how many chose each choice, in order
	 * @param revealed whether the teacher has revealed it
	 * @param correct the right choice, from 1, once revealed
	 */
	record QuestionJson(int question, int choices, int answered, List<Integer> counts, boolean revealed,
			@Nullable Integer correct) {

	}

}
