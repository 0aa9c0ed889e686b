package io.trafficlab.classroom;

import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonStep;

/**
 * A lesson step as a class page shows it: its text and questions (the lesson's own
 * fragments render them).
 *
 * @param lesson the lesson
 * @param number the step's number, from 1
 * @param step the step
 */
public record ClassStep(Lesson lesson, int number, LessonStep step) {

	static ClassStep of(Lesson lesson, int number) {
		return new ClassStep(lesson, number, lesson.step(number));
	}

}
