package io.trafficlab.classroom;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import io.trafficlab.classroom.ClassSettings.Joins;
import io.trafficlab.classroom.ClassSettings.Pacing;
import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.room.Room;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomEnded;
import io.trafficlab.room.RoomProperties;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.teaching.Challenge;
import io.trafficlab.teaching.ChallengeCatalog;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.Question;
import io.trafficlab.teaching.TeachingSandboxes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The classes of the open rooms, and everything done to one: opening a room on a lesson
 * step or a challenge, joining, answering, the teacher's controls (each checked against
 * the room's teacher secret), the dashboard and the results. What concerns a sandbox
 * (moving it to a step, a reveal, a student's challenge sandbox) goes through the
 * sandbox's own checks. A class ends with its room, and everything about its students
 * with it.
 */
@Component
public class Classrooms {

	/** How often students' challenge sandboxes are checked for a solved goal. */
	static final long SOLVED_CHECK_MILLIS = 1000;

	private final Map<RoomCode, Classroom> classes = new ConcurrentHashMap<>();

	private final RoomRegistry rooms;

	private final SandboxRegistry sandboxes;

	private final LessonCatalog lessons;

	private final ChallengeCatalog challenges;

	private final TeachingSandboxes starts;

	private final ClassPublisher publisher;

	private final int maxStudents;

	private final RandomGenerator random;

	@Autowired
	Classrooms(RoomRegistry rooms, SandboxRegistry sandboxes, LessonCatalog lessons, ChallengeCatalog challenges,
			TeachingSandboxes starts, ClassPublisher publisher, RoomProperties properties) {
		this(rooms, sandboxes, lessons, challenges, starts, publisher, properties, new SecureRandom());
	}

	Classrooms(RoomRegistry rooms, SandboxRegistry sandboxes, LessonCatalog lessons, ChallengeCatalog challenges,
			TeachingSandboxes starts, ClassPublisher publisher, RoomProperties properties, RandomGenerator random) {
		this.rooms = rooms;
		this.sandboxes = sandboxes;
		this.lessons = lessons;
		this.challenges = challenges;
		this.starts = starts;
		this.publisher = publisher;
		this.maxStudents = properties.maxStudents();
		this.random = random;
		publisher.every(SOLVED_CHECK_MILLIS, this::checkSolved);
	}

	/**
	 * A new room on a new sandbox in the lesson step's start, the class on that step.
	 * @throws ClassroomRequestException 404 for no such lesson or step
	 */
	public Room openLesson(String lessonId, int step) {
		Lesson lesson = lesson(lessonId);
		requireStep(lesson, step);
		Sandbox sandbox = this.starts.start(lesson, step);
		Room room = openOn(sandbox);
		Classroom classroom = classOf(room);
		classroom.moveTo(lesson, step);
		changed(classroom);
		return room;
	}

	/**
	 * A new room on a new sandbox in the challenge's start, the challenge set.
	 * @throws ClassroomRequestException 404 for no such challenge
	 */
	public Room openChallenge(String challengeId) {
		Challenge challenge = challenge(challengeId);
		Room room = openOn(this.starts.start(challenge));
		Classroom classroom = classOf(room);
		classroom.challenge(challenge);
		changed(classroom);
		return room;
	}

	/** The sandbox's room, as {@link RoomRegistry#open}: whoever holds the id teaches. */
	public RoomRegistry.Opened openOnSandbox(String sandboxId) {
		RoomRegistry.Opened opened = this.rooms.open(sandboxId);
		classOf(opened.room());
		return opened;
	}

	/** A room for a sandbox made for it: the sandbox ends if no room can open. */
	private Room openOn(Sandbox sandbox) {
		try {
			return this.rooms.open(sandbox.id()).room();
		}
		catch (RuntimeException ex) {
			this.sandboxes.end(sandbox.id());
			throw ex;
		}
	}

	/** The class of an open room (a room opened on the playground has one too). */
	public ClassJson view(RoomCode code) {
		return classOf(this.rooms.get(code)).view();
	}

	// Students

	/** A new student of the room: 403 when it refuses joins, 503 when full. */
	public Student join(RoomCode code, @Nullable String name) {
		Classroom classroom = classOf(this.rooms.get(code));
		Student student = classroom.join(name);
		changed(classroom);
		return student;
	}

	/** The student whose browser holds this token, if they joined this room. */
	public Optional<Student> findStudent(RoomCode code, @Nullable String token) {
		return this.rooms.find(code).flatMap((room) -> classOf(room).findStudent(token));
	}

	public Student rename(RoomCode code, @Nullable String token, @Nullable String name) {
		Classroom classroom = classOf(this.rooms.get(code));
		Student student = classroom.student(token);
		classroom.rename(student, name);
		changed(classroom);
		return student;
	}

	public QuestionKey answer(RoomCode code, @Nullable String token, int step, int question, int choice) {
		Classroom classroom = classOf(this.rooms.get(code));
		QuestionKey key = classroom.answer(classroom.student(token), step, question, choice);
		changed(classroom);
		return key;
	}

	public List<MyAnswerJson> answersOf(RoomCode code, @Nullable String token) {
		Classroom classroom = classOf(this.rooms.get(code));
		return classroom.answersOf(classroom.student(token));
	}

	/**
	 * The student's own sandbox for the challenge set: made at the first call, the same
	 * one after (a new one if theirs ended).
	 * @return the sandbox, and whether it was made now
	 */
	public StudentSandbox studentSandbox(RoomCode code, @Nullable String token) {
		Classroom classroom = classOf(this.rooms.get(code));
		Student student = classroom.student(token);
		Challenge challenge = classroom.challenge();
		if (challenge == null) {
			throw ClassroomRequestException
				.notNow("Your teacher has set no challenge yet: the room's page shows it when there is one.");
		}
		// one student's two tabs asking at once get one sandbox
		synchronized (student) {
			Optional<String> id;
			synchronized (classroom) {
				id = student.sandbox(challenge.id());
			}
			Optional<Sandbox> existing = id.flatMap(this.sandboxes::find);
			if (existing.isPresent()) {
				return new StudentSandbox(existing.get(), challenge, false);
			}
			Sandbox made = this.starts.start(challenge);
			synchronized (classroom) {
				student.sandbox(challenge.id(), made.id());
			}
			return new StudentSandbox(made, challenge, true);
		}
	}

	/**
	 * The student showed one more hint of the challenge set; how many they have shown.
	 */
	public int hint(RoomCode code, @Nullable String token) {
		Classroom classroom = classOf(this.rooms.get(code));
		Student student = classroom.student(token);
		Challenge challenge = classroom.challenge();
		if (challenge == null) {
			throw ClassroomRequestException.notNow("Your teacher has set no challenge, so there are no hints.");
		}
		int used = classroom.hint(student, challenge.id());
		changed(classroom);
		return used;
	}

	// The teacher

	/**
	 * The room, if {@code secret} is its teacher's.
	 * @throws ClassroomRequestException 403 otherwise, saying what needs it
	 */
	public Room teacher(RoomCode code, @Nullable String secret, String what) {
		Room room = this.rooms.get(code);
		if (!room.teacher().matches(secret)) {
			throw ClassroomRequestException.teacherOnly(code, what);
		}
		return room;
	}

	/** Whether {@code secret} is the teacher's of this open room. */
	public boolean isTeacher(RoomCode code, @Nullable String secret) {
		return this.rooms.find(code).map((room) -> room.teacher().matches(secret)).orElse(false);
	}

	public ClassJson moveTo(RoomCode code, @Nullable String secret, @Nullable String lessonId, int step) {
		Room room = teacher(code, secret, "move the class to another step");
		Classroom classroom = classOf(room);
		Lesson current = classroom.lesson();
		Lesson lesson;
		if (lessonId != null) {
			lesson = lesson(lessonId);
		}
		else if (current != null) {
			lesson = current;
		}
		else {
			throw ClassroomRequestException
				.badValue("The class is on no lesson yet: name one with query parameter 'lesson'.");
		}
		requireStep(lesson, step);
		this.rooms.show(code, null);
		this.starts.moveTo(teacherSandbox(room), lesson, step);
		classroom.moveTo(lesson, step);
		classroom.show(null);
		return changed(classroom).view();
	}

	public ClassJson reveal(RoomCode code, @Nullable String secret, int question) {
		Room room = teacher(code, secret, "reveal an answer");
		Classroom classroom = classOf(room);
		Question asked = classroom.currentQuestion(question);
		String refused = TeachingSandboxes.reveal(teacherSandbox(room), asked);
		classroom.reveal(question);
		ClassJson view = changed(classroom).view();
		return (refused == null) ? view
				: view.withNotice("Your changes to the sandbox got in the way of showing the result (" + refused
						+ "). Move to the step again to start it over.");
	}

	public ClassJson pacing(RoomCode code, @Nullable String secret, Pacing pacing) {
		Classroom classroom = classOf(teacher(code, secret, "set the pacing"));
		classroom.pacing(pacing);
		return changed(classroom).view();
	}

	public ClassJson joins(RoomCode code, @Nullable String secret, Joins joins) {
		Classroom classroom = classOf(teacher(code, secret, "open or close the room to new students"));
		classroom.joins(joins);
		return changed(classroom).view();
	}

	public ClassJson anonymous(RoomCode code, @Nullable String secret, boolean anonymous) {
		Classroom classroom = classOf(teacher(code, secret, "hide or show names"));
		classroom.anonymous(anonymous);
		return changed(classroom).view();
	}

	/** Sets a challenge for the class, or none with {@code null}. */
	public ClassJson challenge(RoomCode code, @Nullable String secret, @Nullable String challengeId) {
		Classroom classroom = classOf(teacher(code, secret, "set a challenge"));
		classroom.challenge((challengeId != null) ? challenge(challengeId) : null);
		return changed(classroom).view();
	}

	/**
	 * Shows a student's challenge sandbox on the room's stream, or the teacher's with
	 * {@code null}.
	 */
	public ClassJson show(RoomCode code, @Nullable String secret, @Nullable String ref) {
		Room room = teacher(code, secret, "choose what the projector shows");
		Classroom classroom = classOf(room);
		Student student = null;
		String sandboxId = null;
		if (ref != null) {
			student = classroom.byRef(ref)
				.orElseThrow(() -> ClassroomRequestException.notFound("Room " + code.display() + " has no student \""
						+ ref + "\"; the dashboard lists each student's reference."));
			Challenge set = classroom.challenge();
			Student chosen = student;
			sandboxId = Optional.ofNullable(set)
				.flatMap((challenge) -> chosen.sandbox(challenge.id()))
				.filter((id) -> this.sandboxes.find(id).isPresent())
				.orElseThrow(() -> ClassroomRequestException
					.notNow("That student has no live sandbox for the challenge set, so there is nothing to show."));
		}
		this.rooms.show(code, sandboxId);
		classroom.show(student);
		return changed(classroom).view();
	}

	public DashboardJson dashboard(RoomCode code, @Nullable String secret) {
		Classroom classroom = classOf(teacher(code, secret, "see the dashboard"));
		Challenge set = classroom.challenge();
		return classroom.dashboard((student) -> (set != null) ? progress(student, set) : null);
	}

	/** The room's sandbox id, for the teacher's page. */
	public String teacherSandboxId(RoomCode code, @Nullable String secret) {
		return teacher(code, secret, "drive the room's sandbox").sandbox();
	}

	/** One row per student, for the CSV. */
	public List<ResultRow> results(RoomCode code, @Nullable String secret) {
		Classroom classroom = classOf(teacher(code, secret, "download the results"));
		List<ResultRow> rows = new ArrayList<>();
		for (Student student : classroom.students()) {
			int[] score = classroom.score(student);
			synchronized (classroom) {
				rows.add(new ResultRow(student.name(), score[0], score[1], student.solvedCount(), student.hintsUsed()));
			}
		}
		return rows;
	}

	/** The room's class; made on first use for a room opened on the playground. */
	Classroom classOf(Room room) {
		return this.classes.computeIfAbsent(room.code(), (code) -> new Classroom(code, this.maxStudents, this.random));
	}

	@EventListener
	void roomEnded(RoomEnded ended) {
		this.classes.remove(ended.code());
	}

	/** Checks every started challenge sandbox; a goal that holds counts as solved. */
	void checkSolved() {
		for (Classroom classroom : this.classes.values()) {
			Challenge set = classroom.challenge();
			if (set == null) {
				continue;
			}
			boolean news = false;
			for (Student student : classroom.students()) {
				Optional<String> id;
				synchronized (classroom) {
					id = student.hasSolved(set.id()) ? Optional.empty() : student.sandbox(set.id());
				}
				Optional<Sandbox> solved = id.flatMap(this.sandboxes::find)
					.filter((sandbox) -> sandbox.check(set.goal()).achieved());
				if (solved.isPresent()) {
					news |= classroom.solved(student, set.id());
				}
			}
			if (news) {
				changed(classroom);
			}
		}
	}

	private DashboardJson.ChallengeRow progress(Student student, Challenge challenge) {
		Optional<Sandbox> sandbox = student.sandbox(challenge.id()).flatMap(this.sandboxes::find);
		int total = challenge.goal().conditions().size();
		if (sandbox.isEmpty()) {
			return new DashboardJson.ChallengeRow(false, 0, total, student.hasSolved(challenge.id()),
					student.hints(challenge.id()));
		}
		GoalReport report = sandbox.get().check(challenge.goal());
		int holding = (int) report.lines().stream().filter((line) -> line.verdict().holds()).count();
		return new DashboardJson.ChallengeRow(true, holding, total,
				student.hasSolved(challenge.id()) || report.achieved(), student.hints(challenge.id()));
	}

	private Sandbox teacherSandbox(Room room) {
		return this.sandboxes.find(room.sandbox())
			.orElseThrow(() -> ClassroomRequestException.notNow("The room's sandbox has ended, and the room with it."));
	}

	private Classroom changed(Classroom classroom) {
		this.publisher.changed(classroom);
		return classroom;
	}

	private Lesson lesson(String id) {
		return this.lessons.find(id)
			.orElseThrow(() -> ClassroomRequestException
				.notFound("There is no lesson \"" + id + "\". The lessons are listed at /lessons."));
	}

	private Challenge challenge(String id) {
		return this.challenges.find(id)
			.orElseThrow(() -> ClassroomRequestException
				.notFound("There is no challenge \"" + id + "\". The challenges are listed at /challenges."));
	}

	private static void requireStep(Lesson lesson, int step) {
		if (!lesson.hasStep(step)) {
			throw ClassroomRequestException.notFound("Lesson \"" + lesson.id() + "\" has steps 1 to "
					+ lesson.steps().size() + "; there is no step " + step + ".");
		}
	}

	/**
	 * A student's own challenge sandbox.
	 *
	 * @param sandbox the sandbox, which only that student learns the id of
	 * @param challenge the challenge it starts from
	 * @param created whether it was made by this call
	 */
	public record StudentSandbox(Sandbox sandbox, Challenge challenge, boolean created) {

	}

	/**
	 * One student's results.
	 *
	 * @param name the name they chose
	 * @param answered predictions answered
	 * @param right predictions right
	 * @param solved challenges solved
	 * @param hints hints used
	 */
	public record ResultRow(String name, int answered, int right, int solved, int hints) {

	}

}
