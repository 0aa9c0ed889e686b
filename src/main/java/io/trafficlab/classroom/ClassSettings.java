package io.trafficlab.classroom;

import io.trafficlab.engine.model.Spelled;

/** The spelled values of a class: one type owns each spelling. */
final class ClassSettings {

	private ClassSettings() {
	}

	/** What the class is doing. */
	enum Activity implements Spelled {

		/** Watching the teacher's sandbox, as the first rooms did. */
		PLAYGROUND,

		/** On a lesson step, predicting together. */
		LESSON,

		/** Each student works on a challenge in their own sandbox. */
		CHALLENGE;

	}

	/** Whether students may go ahead of the teacher's step. */
	enum Pacing implements Spelled {

		/** Students stay at or behind the teacher's step. */
		HELD,

		/** Students may browse every step. */
		FREE;

	}

	/** Whether new students may join. */
	enum Joins implements Spelled {

		OPEN,

		CLOSED;

	}

	/** Whose sandbox the room's stream carries. */
	enum Showing implements Spelled {

		/** The teacher's: the room's own sandbox. */
		TEACHER,

		/** One student's, anonymously. */
		SOLUTION;

	}

}
