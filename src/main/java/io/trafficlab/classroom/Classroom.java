package io.trafficlab.classroom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import io.trafficlab.classroom.ClassSettings.Activity;
import io.trafficlab.classroom.ClassSettings.Joins;
import io.trafficlab.classroom.ClassSettings.Pacing;
import io.trafficlab.classroom.ClassSettings.Showing;
import io.trafficlab.room.RoomCode;
import io.trafficlab.teaching.Challenge;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonStep;
import io.trafficlab.teaching.Question;
import org.jspecify.annotations.Nullable;

/**
 * The state of one room's class and its rules: who joined, the teacher's lesson step or
 * challenge, pacing, each student's one answer per question (changeable until the
 * reveal), what is revealed and whose sandbox the room shows. Thread-safe; it touches no
 * sandbox (the caller applies steps, reveals and challenges to sandboxes).
 */
final class Classroom {

	private static final int TOKEN_BYTES = 24;

	private final RoomCode code;

	private final int maxStudents;

	private final RandomGenerator random;

	private final Map<String, Student> byToken = new HashMap<>();

	private final Map<String, Student> byRef = new LinkedHashMap<>();

	private final Map<QuestionKey, Map<String, Integer>> answers = new HashMap<>();

	private final Set<QuestionKey> revealed = new HashSet<>();

	/** Every lesson the class has been on, by id, to score answers to its questions. */
	private final Map<String, Lesson> lessons = new HashMap<>();

	private Activity activity = Activity.PLAYGROUND;

	private @Nullable Lesson lesson;

	private int step;

	private @Nullable Challenge challenge;

	private Pacing pacing = Pacing.FREE;

	private Joins joins = Joins.OPEN;

	private boolean anonymous;

	private @Nullable String shown;

	private int showingGeneration;

	private long generation;

	Classroom(RoomCode code, int maxStudents, RandomGenerator random) {
		this.code = code;
		this.maxStudents = maxStudents;
		this.random = random;
	}

	RoomCode code() {
		return this.code;
	}

	synchronized long generation() {
		return this.generation;
	}

	/**
	 * A new student.
	 * @throws ClassroomRequestException 403 when the room refuses new joins, 503 when it
	 * is full, 400 for a bad name
	 */
	synchronized Student join(@Nullable String typedName) {
		if (this.joins == Joins.CLOSED) {
			throw ClassroomRequestException.joinsClosed(this.code);
		}
		if (this.byRef.size() >= this.maxStudents) {
			throw ClassroomRequestException.full(this.code, this.maxStudents);
		}
		StudentName name = StudentName.chosen(typedName, this.random);
		String token;
		do {
			byte[] bytes = new byte[TOKEN_BYTES];
			this.random.nextBytes(bytes);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		while (this.byToken.containsKey(token));
		Student student = new Student(token, "s" + (this.byRef.size() + 1), name);
		this.byToken.put(token, student);
		this.byRef.put(student.ref(), student);
		changed();
		return student;
	}

	/**
	 * The student whose browser holds this token.
	 * @throws ClassroomRequestException 401 for none
	 */
	synchronized Student student(@Nullable String token) {
		Student student = (token != null) ? this.byToken.get(token) : null;
		if (student == null) {
			throw ClassroomRequestException.notJoined(this.code);
		}
		return student;
	}

	synchronized Optional<Student> findStudent(@Nullable String token) {
		return Optional.ofNullable((token != null) ? this.byToken.get(token) : null);
	}

	synchronized Optional<Student> byRef(String ref) {
		return Optional.ofNullable(this.byRef.get(ref));
	}

	synchronized List<Student> students() {
		return List.copyOf(this.byRef.values());
	}

	synchronized void rename(Student student, @Nullable String typedName) {
		student.rename(StudentName.chosen(typedName, this.random));
		changed();
	}

	/** The name a student shows as on the teacher's page: theirs, or "Student n". */
	synchronized String shownName(Student student) {
		return this.anonymous ? "Student " + student.ref().substring(1) : student.name();
	}

	/**
	 * Records a student's answer, replacing theirs to the same question.
	 * @throws ClassroomRequestException 409 when the class is on no lesson or the
	 * question is revealed, 403 when the class is held behind that step, 400 for a step,
	 * question or choice that does not exist
	 */
	synchronized QuestionKey answer(Student student, int stepNumber, int questionNumber, int choice) {
		Lesson on = this.lesson;
		if (on == null) {
			throw ClassroomRequestException.notNow("The class is on no lesson, so there is nothing to answer.");
		}
		Question question = question(on, stepNumber, questionNumber);
		if (this.pacing == Pacing.HELD && stepNumber > this.step) {
			throw ClassroomRequestException.held(this.step);
		}
		if (choice < 1 || choice > question.choices().size()) {
			throw ClassroomRequestException.badValue("Question " + questionNumber + " of step " + stepNumber
					+ " has choices 1 to " + question.choices().size() + "; " + choice + " is not one of them.");
		}
		QuestionKey key = new QuestionKey(on.id(), stepNumber, questionNumber);
		if (this.revealed.contains(key)) {
			throw ClassroomRequestException.notNow("Your teacher has revealed the answer to question " + questionNumber
					+ " of step " + stepNumber + ": it takes no more answers.");
		}
		this.answers.computeIfAbsent(key, (k) -> new HashMap<>()).put(student.ref(), choice);
		changed();
		return key;
	}

	/**
	 * A student's own answers in the current lesson, each with its verdict once revealed.
	 */
	synchronized List<MyAnswerJson> answersOf(Student student) {
		Lesson on = this.lesson;
		List<MyAnswerJson> mine = new ArrayList<>();
		if (on == null) {
			return mine;
		}
		for (int s = 1; s <= on.steps().size(); s++) {
			List<Question> questions = on.step(s).questions();
			for (int q = 1; q <= questions.size(); q++) {
				QuestionKey key = new QuestionKey(on.id(), s, q);
				Integer choice = this.answers.getOrDefault(key, Map.of()).get(student.ref());
				if (choice != null) {
					boolean shown = this.revealed.contains(key);
					Boolean right = shown ? choice == questions.get(q - 1).correctChoice() : null;
					mine.add(new MyAnswerJson(s, q, choice, shown, right));
				}
			}
		}
		return mine;
	}

	/** Whether the teacher has revealed that question of the current lesson. */
	synchronized boolean revealed(int stepNumber, int questionNumber) {
		Lesson on = this.lesson;
		return on != null && this.revealed.contains(new QuestionKey(on.id(), stepNumber, questionNumber));
	}

	/** Puts the class on a lesson step (the caller has put the room's sandbox there). */
	synchronized void moveTo(Lesson lesson, int stepNumber) {
		if (!lesson.hasStep(stepNumber)) {
			throw ClassroomRequestException.badValue("Lesson \"" + lesson.id() + "\" has steps 1 to "
					+ lesson.steps().size() + "; " + stepNumber + " is not one of them.");
		}
		this.lesson = lesson;
		this.lessons.put(lesson.id(), lesson);
		this.step = stepNumber;
		this.activity = Activity.LESSON;
		this.challenge = null;
		changed();
	}

	/** The current step's question, checked. */
	synchronized Question currentQuestion(int questionNumber) {
		Lesson on = this.lesson;
		if (on == null || this.activity != Activity.LESSON) {
			throw ClassroomRequestException.notNow("The class is on no lesson step, so there is nothing to reveal.");
		}
		return question(on, this.step, questionNumber);
	}

	synchronized void reveal(int questionNumber) {
		Lesson on = this.lesson;
		currentQuestion(questionNumber);
		if (on != null) {
			this.revealed.add(new QuestionKey(on.id(), this.step, questionNumber));
		}
		changed();
	}

	synchronized void pacing(Pacing pacing) {
		this.pacing = pacing;
		changed();
	}

	synchronized void joins(Joins joins) {
		this.joins = joins;
		changed();
	}

	synchronized void anonymous(boolean anonymous) {
		this.anonymous = anonymous;
		changed();
	}

	synchronized void challenge(@Nullable Challenge challenge) {
		this.challenge = challenge;
		if (challenge != null) {
			this.activity = Activity.CHALLENGE;
		}
		else {
			this.activity = (this.lesson != null) ? Activity.LESSON : Activity.PLAYGROUND;
		}
		changed();
	}

	synchronized @Nullable Challenge challenge() {
		return this.challenge;
	}

	synchronized @Nullable Lesson lesson() {
		return this.lesson;
	}

	/** The teacher's step, from 1 (0 when the class has never been on a lesson). */
	synchronized int step() {
		return this.step;
	}

	synchronized Pacing pacing() {
		return this.pacing;
	}

	/** The room now shows this student's sandbox, or the teacher's with {@code null}. */
	synchronized void show(@Nullable Student student) {
		this.shown = (student != null) ? student.ref() : null;
		this.showingGeneration++;
		changed();
	}

	/**
	 * Counts a newly solved challenge, found by the caller's periodic check; whether it
	 * is news.
	 */
	synchronized boolean solved(Student student, String challengeId) {
		boolean news = student.solved(challengeId);
		if (news) {
			changed();
		}
		return news;
	}

	synchronized int hint(Student student, String challengeId) {
		int used = student.hint(challengeId);
		changed();
		return used;
	}

	synchronized ClassJson view() {
		Lesson on = this.lesson;
		ClassJson.LessonJson lessonJson = null;
		List<ClassJson.QuestionJson> questions = new ArrayList<>();
		if (on != null && this.step > 0) {
			LessonStep current = on.step(this.step);
			lessonJson = new ClassJson.LessonJson(on.id(), on.title(), this.step, on.steps().size(), current.title());
			for (int q = 1; q <= current.questions().size(); q++) {
				questions.add(tally(on, current.questions().get(q - 1), q));
			}
		}
		Challenge set = this.challenge;
		int solved = 0;
		if (set != null) {
			for (Student student : this.byRef.values()) {
				solved += student.hasSolved(set.id()) ? 1 : 0;
			}
		}
		return new ClassJson(this.code.value(), this.generation, this.activity, lessonJson,
				(set != null) ? new ClassJson.ChallengeJson(set.id(), set.title()) : null, this.pacing, this.joins,
				this.byRef.size(), this.maxStudents, questions, solved,
				(this.shown != null) ? Showing.SOLUTION : Showing.TEACHER, this.showingGeneration, null);
	}

	/**
	 * The teacher's rows: {@code progress} gives a student's challenge row (it reads
	 * their sandbox, so it must not take this lock's place: it is called with the lock
	 * held and must not call back).
	 */
	synchronized DashboardJson dashboard(Function<Student, DashboardJson.@Nullable ChallengeRow> progress) {
		List<DashboardJson.Row> rows = new ArrayList<>();
		for (Student student : this.byRef.values()) {
			int[] score = score(student);
			rows.add(new DashboardJson.Row(student.ref(), shownName(student), score[0], score[1],
					progress.apply(student)));
		}
		Challenge set = this.challenge;
		return new DashboardJson(this.anonymous,
				(set != null) ? new ClassJson.ChallengeJson(set.id(), set.title()) : null, rows, this.shown);
	}

	/** Predictions answered and right, over the class's lessons: {answered, right}. */
	synchronized int[] score(Student student) {
		int answered = 0;
		int right = 0;
		for (Map.Entry<QuestionKey, Map<String, Integer>> entry : this.answers.entrySet()) {
			Integer choice = entry.getValue().get(student.ref());
			if (choice != null) {
				answered++;
				right += (choice == correct(entry.getKey())) ? 1 : 0;
			}
		}
		return new int[] { answered, right };
	}

	private int correct(QuestionKey key) {
		Lesson on = this.lessons.get(key.lesson());
		if (on == null) {
			return -1;
		}
		return on.step(key.step()).questions().get(key.question() - 1).correctChoice();
	}

	private ClassJson.QuestionJson tally(Lesson on, Question question, int number) {
		QuestionKey key = new QuestionKey(on.id(), this.step, number);
		Map<String, Integer> chosen = this.answers.getOrDefault(key, Collections.emptyMap());
		Integer[] counts = new Integer[question.choices().size()];
		Arrays.fill(counts, 0);
		for (int choice : chosen.values()) {
			counts[choice - 1]++;
		}
		boolean shown = this.revealed.contains(key);
		return new ClassJson.QuestionJson(number, counts.length, chosen.size(), List.of(counts), shown,
				shown ? question.correctChoice() : null);
	}

	private static Question question(Lesson on, int stepNumber, int questionNumber) {
		if (!on.hasStep(stepNumber)) {
			throw ClassroomRequestException.badValue("Lesson \"" + on.id() + "\" has steps 1 to " + on.steps().size()
					+ "; " + stepNumber + " is not one of them.");
		}
		List<Question> questions = on.step(stepNumber).questions();
		if (questionNumber < 1 || questionNumber > questions.size()) {
			throw ClassroomRequestException.badValue("Step " + stepNumber + " of lesson \"" + on.id() + "\" has "
					+ ((questions.isEmpty()) ? "no questions"
							: "questions 1 to " + questions.size() + "; " + questionNumber + " is not one of them")
					+ ".");
		}
		return questions.get(questionNumber - 1);
	}

	private void changed() {
		this.generation++;
	}

}
