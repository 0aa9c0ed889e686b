package io.trafficlab.classroom;

import io.trafficlab.teaching.Question;
import org.jspecify.annotations.Nullable;

/**
 * One question on a student's page: their own answer (never anyone else's), and whether
 * the teacher has revealed it.
 *
 * @param number its number in the step, from 1
 * @param question the question
 * @param chosen the student's choice, from 1, or {@code null}
 * @param revealed whether the teacher has revealed the answer
 * @param locked whether the class is held behind this step, so it takes no answer
 */
public record StudentQuestion(int number, Question question, @Nullable Integer chosen, boolean revealed,
		boolean locked) {

}
