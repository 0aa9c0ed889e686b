package io.trafficlab.classroom;

import org.jspecify.annotations.Nullable;

/**
 * One of a student's own answers, as only that student sees it.
 *
 * @param step the step, from 1
 * @param question the question of the step, from 1
 * @param choice the choice, from 1
 * @param revealed whether the teacher has revealed the answer
 * @param right whether the choice is right, once revealed
 */
record MyAnswerJson(int step, int question, int choice, boolean revealed, @Nullable Boolean right) {

}
