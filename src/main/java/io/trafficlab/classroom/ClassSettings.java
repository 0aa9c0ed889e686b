package io.trafficlab.classroom;

import io.trafficlab.engine.model.Spelled;

/** The spelled values of a class: one type owns each spelling. */
final class ClassSettings {

	private ClassSettings() {
	}

	/** What the class is doing. */
	enum Activity implements Spelled {

		/** Watching the teacher's sandbox, as the first rooms did. */
		PLAYGROUND("playground"),

		/** On a lesson step, predicting together. */
		LESSON("lesson"),

		/** Each student works on a challenge in their own sandbox. */
		CHALLENGE("challenge");

		private final String apiName;

		Activity(String apiName) {
			this.apiName = apiName;
		}

		@Override
		public String apiName() {
			return this.apiName;
		}

	}

	/** Whether students may go ahead of the teacher's step. */
	enum Pacing implements Spelled {

		/** Students stay at or behind the teacher's step. */
		HELD("held"),

		/** Students may browse every step. */
		FREE("free");

		private final String apiName;

		Pacing(String apiName) {
			this.apiName = apiName;
		}

		@Override
		public String apiName() {
			return this.apiName;
		}

	}

	/** Whether new students may join. */
	enum Joins implements Spelled {

		OPEN("open"),

		CLOSED("closed");

		private final String apiName;

		Joins(String apiName) {
			this.apiName = apiName;
		}

		@Override
		public String apiName() {
			return this.apiName;
		}

	}

	/** Whose sandbox the room's stream carries. */
	enum Showing implements Spelled {

		/** The teacher's: the room's own sandbox. */
		TEACHER("teacher"),

		/** One student's, anonymously. */
		SOLUTION("solution");

		private final String apiName;

		Showing(String apiName) {
			this.apiName = apiName;
		}

		@Override
		public String apiName() {
			return this.apiName;
		}

	}

}
