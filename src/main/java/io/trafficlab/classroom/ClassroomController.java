package io.trafficlab.classroom;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.trafficlab.classroom.ClassSettings.Joins;
import io.trafficlab.classroom.ClassSettings.Pacing;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.UnknownValueException;
import io.trafficlab.room.Room;
import io.trafficlab.room.RoomAudience;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomJoins;
import io.trafficlab.room.RoomJson;
import io.trafficlab.room.RoomProperties;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.room.RoomRequestException;
import io.trafficlab.sandbox.SandboxCreatedJson;
import io.trafficlab.sandbox.SandboxPageCreation;
import io.trafficlab.system.ParameterChoices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The class API under {@code /api/v1/rooms}: opening a room (on a sandbox, a lesson step
 * or a challenge) and ending it, the class state anyone with the code reads, what a
 * student does (join, answer, their own challenge sandbox) and the teacher's controls.
 * Thin: every rule is in {@link Classrooms} and {@link Classroom}.
 */
@RestController
@RequestMapping(RoomDestinations.API)
record ClassroomController(Classrooms classrooms, RoomRegistry rooms, RoomJoins joins, RoomAudience audience,
		RoomProperties properties) {

	/**
	 * Opens a room: on the caller's sandbox ({@code 200} with the one already open on
	 * it), or on a new sandbox in a lesson step's or a challenge's start. The answer, and
	 * a cookie, carry the teacher's secret.
	 */
	@PostMapping
	ResponseEntity<RoomJson> open(@RequestParam(name = "sandbox", required = false) @Nullable String sandbox,
			@RequestParam(name = "lesson", required = false) @Nullable String lesson,
			@RequestParam(name = "step", defaultValue = "1") int step,
			@RequestParam(name = "challenge", required = false) @Nullable String challenge, HttpServletRequest request,
			HttpServletResponse response) {
		int named = ((sandbox != null) ? 1 : 0) + ((lesson != null) ? 1 : 0) + ((challenge != null) ? 1 : 0);
		if (named != 1) {
			throw ClassroomRequestException.badValue("Name exactly one of the query parameters 'sandbox' (your "
					+ "sandbox's id), 'lesson' (with 'step') or 'challenge' to open a room on.");
		}
		Room room;
		boolean created = true;
		if (sandbox != null) {
			RoomRegistry.Opened opened = this.classrooms.openOnSandbox(sandbox);
			room = opened.room();
			created = opened.created();
		}
		else if (lesson != null) {
			room = this.classrooms.openLesson(lesson, step);
		}
		else {
			room = this.classrooms.openChallenge(String.valueOf(challenge));
		}
		ClassroomAccess.giveTeacher(request, response, room);
		RoomJson json = RoomJson.forTeacher(room, this.audience.watching(room.code()), this.properties.maxStudents());
		return created ? ResponseEntity.created(URI.create(RoomDestinations.API + "/" + json.code())).body(json)
				: ResponseEntity.ok(json);
	}

	/**
	 * Ends the room now, for its teacher (the secret, or as before the id of the sandbox
	 * it follows): its students read that it has ended; the sandbox goes on. Nothing
	 * about the students is kept.
	 */
	@DeleteMapping("/{code}")
	ResponseEntity<Void> close(@PathVariable String code,
			@RequestParam(name = "sandbox", required = false) @Nullable String sandbox, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		if (sandbox != null) {
			this.rooms.close(room, sandbox);
		}
		else {
			String secret = ClassroomAccess.teacherSecret(request, room);
			if (secret == null) {
				throw RoomRequestException.missingSandbox();
			}
			this.rooms.closeAsTeacher(room, secret);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{code}/class")
	ClassJson view(@PathVariable String code) {
		return this.classrooms.view(this.joins.get(code).code());
	}

	// Students

	@PostMapping("/{code}/students")
	ResponseEntity<JoinedJson> join(@PathVariable String code,
			@RequestParam(name = "name", required = false) @Nullable String name, HttpServletRequest request,
			HttpServletResponse response) {
		RoomCode room = this.joins.get(code).code();
		Student student = this.classrooms.join(room, name);
		ClassroomAccess.giveStudent(request, response, room, student);
		return ResponseEntity.created(URI.create(RoomDestinations.API + "/" + room.value() + "/students/me"))
			.body(new JoinedJson(student.ref(), student.name(), student.token()));
	}

	@GetMapping("/{code}/students/me")
	StudentJson me(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		Student student = this.classrooms.findStudent(room, ClassroomAccess.studentToken(request, room))
			.orElseThrow(() -> ClassroomRequestException.notJoined(room));
		return new StudentJson(student.ref(), student.name());
	}

	@PutMapping("/{code}/students/me")
	StudentJson rename(@PathVariable String code, @RequestParam(name = "name", required = false) @Nullable String name,
			HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		Student student = this.classrooms.rename(room, ClassroomAccess.studentToken(request, room), name);
		return new StudentJson(student.ref(), student.name());
	}

	@PutMapping("/{code}/answers")
	AnswerJson answer(@PathVariable String code, @RequestParam("step") int step, @RequestParam("question") int question,
			@RequestParam("choice") int choice, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		QuestionKey key = this.classrooms.answer(room, ClassroomAccess.studentToken(request, room), step, question,
				choice);
		return new AnswerJson(key.step(), key.question(), choice);
	}

	@GetMapping("/{code}/answers/mine")
	Map<String, List<MyAnswerJson>> myAnswers(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return Map.of("answers", this.classrooms.answersOf(room, ClassroomAccess.studentToken(request, room)));
	}

	@PostMapping("/{code}/students/me/sandbox")
	ResponseEntity<SandboxCreatedJson> mySandbox(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		Classrooms.StudentSandbox mine = this.classrooms.studentSandbox(room,
				ClassroomAccess.studentToken(request, room));
		return mine.created() ? SandboxPageCreation.created(mine.sandbox())
				: ResponseEntity.ok(SandboxCreatedJson.of(mine.sandbox().id(), mine.sandbox().preset()));
	}

	@PostMapping("/{code}/students/me/hints")
	Map<String, Integer> hint(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return Map.of("hintsUsed", this.classrooms.hint(room, ClassroomAccess.studentToken(request, room)));
	}

	// The teacher

	@PutMapping("/{code}/step")
	ClassJson step(@PathVariable String code, @RequestParam(name = "lesson", required = false) @Nullable String lesson,
			@RequestParam("step") int step, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.moveTo(room, secret(request, room), lesson, step);
	}

	@PostMapping("/{code}/reveal")
	ClassJson reveal(@PathVariable String code, @RequestParam("question") int question, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.reveal(room, secret(request, room), question);
	}

	@PutMapping("/{code}/pacing")
	ClassJson pacing(@PathVariable String code, @RequestParam("value") String value, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.pacing(room, secret(request, room), oneOf("value", value, Pacing.class));
	}

	@PutMapping("/{code}/joins")
	ClassJson joins(@PathVariable String code, @RequestParam("value") String value, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.joins(room, secret(request, room), oneOf("value", value, Joins.class));
	}

	@PutMapping("/{code}/anonymous")
	ClassJson anonymous(@PathVariable String code, @RequestParam("value") boolean value, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.anonymous(room, secret(request, room), value);
	}

	@PutMapping("/{code}/challenge")
	ClassJson challenge(@PathVariable String code, @RequestParam("id") String id, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.challenge(room, secret(request, room), id);
	}

	@DeleteMapping("/{code}/challenge")
	ClassJson noChallenge(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.challenge(room, secret(request, room), null);
	}

	@PutMapping("/{code}/showing")
	ClassJson show(@PathVariable String code, @RequestParam("student") String student, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.show(room, secret(request, room), student);
	}

	@DeleteMapping("/{code}/showing")
	ClassJson showTeacher(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.show(room, secret(request, room), null);
	}

	@GetMapping("/{code}/dashboard")
	DashboardJson dashboard(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return this.classrooms.dashboard(room, secret(request, room));
	}

	@GetMapping(path = "/{code}/results.csv", produces = "text/csv")
	ResponseEntity<byte[]> results(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		String csv = ClassResults.csv(this.classrooms.results(room, secret(request, room)));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("room-" + room.display() + "-results.csv")
						.build()
						.toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/{code}/teacher")
	Map<String, String> teacher(@PathVariable String code, HttpServletRequest request) {
		RoomCode room = RoomCode.parse(code);
		return Map.of("sandbox", this.classrooms.teacherSandboxId(room, secret(request, room)));
	}

	private static @Nullable String secret(HttpServletRequest request, RoomCode room) {
		return ClassroomAccess.teacherSecret(request, room);
	}

	private static <E extends Enum<E> & Spelled> E oneOf(String name, String value, Class<E> type) {
		try {
			return Spelled.parse(type, name, value);
		}
		catch (UnknownValueException ex) {
			throw ClassroomRequestException.badValue(ParameterChoices.notOneOf(name, ex.allowed(), value));
		}
	}

	/**
	 * @param ref the student's reference in the room
	 * @param name their name
	 * @param token what their browser presents (the same answer sets it as a cookie)
	 */
	record JoinedJson(String ref, String name, String token) {

	}

	/**
	 * @param ref the student's reference in the room
	 * @param name their name
	 */
	record StudentJson(String ref, String name) {

	}

	/**
	 * @param step the step, from 1
	 * @param question the question, from 1
	 * @param choice the choice recorded, from 1
	 */
	record AnswerJson(int step, int question, int choice) {

	}

}
