package io.trafficlab.teaching;

import java.util.List;

/**
 * A guided lesson: a sequence of steps, each with its own sandbox state.
 *
 * @param id the lesson's URL name ({@code /lessons/{id}})
 * @param title the title
 * @param summary one or two sentences for the index
 * @param steps the steps, in order (step 1 first)
 * @param file the file it was read from, for messages
 */
public record Lesson(String id, String title, RichText summary, List<LessonStep> steps, String file) {

	public Lesson {
		steps = List.copyOf(steps);
	}

	/** The step with this 1-based number. */
	public LessonStep step(int number) {
		return this.steps.get(number - 1);
	}

	/** Whether a step with this 1-based number exists. */
	public boolean hasStep(int number) {
		return number >= 1 && number <= this.steps.size();
	}

}
