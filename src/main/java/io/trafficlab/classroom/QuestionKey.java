package io.trafficlab.classroom;

/**
 * One question of one lesson step, as a class answers it.
 *
 * @param lesson the lesson's id
 * @param step the step, from 1
 * @param question the question of the step, from 1
 */
record QuestionKey(String lesson, int step, int question) {

}
