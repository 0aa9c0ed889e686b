package io.trafficlab.classroom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.trafficlab.room.Room;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomJoins;
import io.trafficlab.room.RoomPageModel;
import io.trafficlab.room.RoomRequestException;
import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxCreatedJson;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.Question;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The pages of a class in a room: "Teach this to a class" ({@code POST /rooms/new}), the
 * teacher's page (only with the teacher's cookie), a student's page (joining on the first
 * visit) with the lesson panel beside the room's canvas, the answers a student sends, and
 * the projector with the counts. The panels are fragments too, fetched again when the
 * class topic says the class moved. No page but the teacher's knows the sandbox id, and
 * none carries the teacher's secret.
 */
@Controller
@RequestMapping(RoomDestinations.PAGES)
class ClassroomPageController {

	static final String TEACH_PAGE = "classroom/teachPage";

	static final String STUDENT_PAGE = "classroom/studentPage";

	static final String NOT_TEACHER_PAGE = "classroom/notTeacherPage";

	static final String TEACHER_PANEL = "classroom/fragments :: teacherPanel";

	static final String STUDENT_PANEL = "classroom/fragments :: studentPanel";

	static final String STUDENT_QUESTION = "classroom/fragments :: studentQuestion";

	static final String PROJECTOR_PANEL = "classroom/fragments :: projectorPanel";

	private final Classrooms classrooms;

	private final RoomJoins joins;

	private final RoomPageModel pages;

	private final LessonCatalog lessons;

	ClassroomPageController(Classrooms classrooms, RoomJoins joins, RoomPageModel pages, LessonCatalog lessons) {
		this.classrooms = classrooms;
		this.joins = joins;
		this.pages = pages;
		this.lessons = lessons;
	}

	/**
	 * A new room on a lesson step or a challenge, from the step's or the challenge's
	 * page: this browser becomes its teacher.
	 */
	@PostMapping("/new")
	ModelAndView open(@RequestParam(name = "lesson", required = false) @Nullable String lesson,
			@RequestParam(name = "step", required = false) @Nullable String step,
			@RequestParam(name = "challenge", required = false) @Nullable String challenge, HttpServletRequest request,
			HttpServletResponse response) {
		Room room;
		if (challenge != null) {
			room = this.classrooms.openChallenge(challenge);
		}
		else if (lesson != null) {
			room = this.classrooms.openLesson(lesson, number(step));
		}
		else {
			throw ClassroomRequestException
				.badValue("Name a lesson and a step, or a challenge, to teach in a room (form fields "
						+ "'lesson' and 'step', or 'challenge').");
		}
		ClassroomAccess.giveTeacher(request, response, room);
		return redirect(RoomDestinations.teacherPage(room.code()));
	}

	@GetMapping("/{code}/teach")
	ModelAndView teach(@PathVariable String code, HttpServletRequest request) {
		Room room;
		try {
			room = this.joins.get(code);
		}
		catch (RoomRequestException ex) {
			return RoomPageModel.joinAgain(code, ex);
		}
		if (!this.classrooms.isTeacher(room.code(), ClassroomAccess.teacherSecret(request, room.code()))) {
			ModelAndView refused = new ModelAndView(NOT_TEACHER_PAGE, HttpStatus.FORBIDDEN);
			refused.addObject("room", room.code());
			refused.addObject("roomPage", RoomDestinations.page(room.code()));
			return refused;
		}
		ModelAndView view = this.pages.view(TEACH_PAGE, room);
		Sandbox sandbox = this.pages.teacherSandbox(room);
		view.addObject("sandbox", SandboxCreatedJson.of(sandbox.id(), sandbox.preset()));
		view.addObject("sandboxId", sandbox.id());
		view.addObject("joinPageShort", shortAddress(RoomPageModel.absolute(RoomDestinations.PAGES)));
		view.addObject("joinUrlShort", shortAddress(RoomPageModel.absolute(RoomDestinations.page(room.code()))));
		ClassStep step = addClass(view, room.code());
		if (step != null) {
			view.addObject("preset",
					Preset.unlisted(step.step().title(),
							step.lesson().title() + ", step " + step.number() + " of " + step.lesson().steps().size(),
							sandbox.manifests()));
		}
		return view;
	}

	/** The teacher's lesson panel, on the class's step. */
	@GetMapping("/{code}/teach/panel")
	ModelAndView teacherPanel(@PathVariable String code, HttpServletRequest request) {
		Room room = this.joins.get(code);
		this.classrooms.teacher(room.code(), ClassroomAccess.teacherSecret(request, room.code()),
				"see the teacher's panel");
		ModelAndView view = new ModelAndView(TEACHER_PANEL);
		view.addObject("roomPage", RoomDestinations.page(room.code()));
		if (addClass(view, room.code()) == null) {
			return new ModelAndView(new RedirectView(RoomDestinations.teacherPage(room.code()), true));
		}
		return view;
	}

	/**
	 * A student's page: the room's canvas and, when the class is on a lesson, the step
	 * beside it. The first visit joins the room under a generated name.
	 */
	@GetMapping("/{code}")
	ModelAndView room(@PathVariable String code, @RequestParam(name = "step", required = false) @Nullable String step,
			HttpServletRequest request, HttpServletResponse response) {
		Room room;
		try {
			room = this.joins.get(code);
		}
		catch (RoomRequestException ex) {
			return RoomPageModel.joinAgain(code, ex);
		}
		ClassJson state = this.classrooms.view(room.code());
		if (state.lesson() == null) {
			return this.pages.view(RoomPageModel.ROOM_PAGE, room);
		}
		// The teacher looking at the students' view does not become a student
		boolean teacher = this.classrooms.isTeacher(room.code(), ClassroomAccess.teacherSecret(request, room.code()));
		Student me;
		try {
			me = teacher ? null : me(room.code(), request, response);
		}
		catch (ClassroomRequestException ex) {
			ModelAndView refused = new ModelAndView(RoomPageModel.JOIN_PAGE, ex.status());
			refused.addObject("code", code);
			refused.addObject("error", ex.getMessage());
			refused.addObject("ended", false);
			return refused;
		}
		ModelAndView view = this.pages.view(STUDENT_PAGE, room);
		view.addObject("me", me);
		view.addObject("classTopic", RoomDestinations.classTopic(room.code()));
		addStudentPanel(view, room, me, number(step));
		return view;
	}

	/** A student's lesson panel on a step (the teacher's, or another when free). */
	@GetMapping("/{code}/panel")
	ModelAndView studentPanel(@PathVariable String code,
			@RequestParam(name = "step", required = false) @Nullable String step, HttpServletRequest request) {
		Room room = this.joins.get(code);
		Student me = this.classrooms.isTeacher(room.code(), ClassroomAccess.teacherSecret(request, room.code())) ? null
				: this.classrooms.classOf(room).student(ClassroomAccess.studentToken(request, room.code()));
		ModelAndView view = new ModelAndView(STUDENT_PANEL);
		view.addObject("roomPage", RoomDestinations.page(room.code()));
		if (!addStudentPanel(view, room, me, number(step))) {
			return new ModelAndView(new RedirectView(RoomDestinations.page(room.code()), true));
		}
		return view;
	}

	/**
	 * A student's answer: the question again, with their answer (or why it was refused);
	 * without htmx, back to the page.
	 */
	@PostMapping("/{code}/answers")
	ModelAndView answer(@PathVariable String code, @RequestParam("step") String step,
			@RequestParam("question") String question,
			@RequestParam(name = "choice", required = false) @Nullable String choice, HttpServletRequest request) {
		Room room = this.joins.get(code);
		String token = ClassroomAccess.studentToken(request, room.code());
		Classroom classroom = this.classrooms.classOf(room);
		Student me = classroom.student(token);
		Lesson lesson = Optional.ofNullable(classroom.lesson())
			.orElseThrow(() -> ClassroomRequestException
				.notNow("The class is on no lesson, so there is nothing to answer."));
		int stepNumber = number(step);
		int questionNumber = number(question);
		String error = null;
		HttpStatus status = HttpStatus.OK;
		if (!lesson.hasStep(stepNumber) || questionNumber < 1
				|| questionNumber > lesson.step(stepNumber).questions().size()) {
			throw ClassroomRequestException
				.notFound("Step " + step + " of \"" + lesson.title() + "\" has no question " + question + ".");
		}
		Question asked = lesson.step(stepNumber).questions().get(questionNumber - 1);
		int chosen = number(choice);
		if (chosen < 1) {
			error = "Pick one of the " + asked.choices().size() + " choices, then send it.";
			status = HttpStatus.BAD_REQUEST;
		}
		else {
			try {
				this.classrooms.answer(room.code(), token, stepNumber, questionNumber, chosen);
			}
			catch (ClassroomRequestException ex) {
				error = ex.getMessage();
				status = ex.status();
			}
		}
		if (!HtmxRequest.fromRequest(request).isHtmxRequest()) {
			return redirect(RoomDestinations.page(room.code()) + "?step=" + stepNumber);
		}
		ModelAndView view = new ModelAndView(STUDENT_QUESTION, status);
		view.addObject("roomPage", RoomDestinations.page(room.code()));
		view.addObject("classStep", ClassStep.of(lesson, stepNumber));
		StudentQuestion shown = questions(classroom, me, lesson, stepNumber).get(questionNumber - 1);
		view.addObject("number", shown.number());
		view.addObject("question", shown.question());
		view.addObject("chosen", shown.chosen());
		view.addObject("revealed", shown.revealed());
		view.addObject("locked", shown.locked());
		view.addObject("error", error);
		return view;
	}

	/** A student's new name (blank: a generated one). */
	@PostMapping("/{code}/name")
	ModelAndView rename(@PathVariable String code, @RequestParam(name = "name", required = false) @Nullable String name,
			HttpServletRequest request) {
		Room room = this.joins.get(code);
		this.classrooms.rename(room.code(), ClassroomAccess.studentToken(request, room.code()), name);
		return redirect(RoomDestinations.page(room.code()));
	}

	@GetMapping("/{code}/projector")
	ModelAndView projector(@PathVariable String code) {
		Room room;
		try {
			room = this.joins.get(code);
		}
		catch (RoomRequestException ex) {
			return RoomPageModel.joinAgain(code, ex);
		}
		ModelAndView view = this.pages.view(RoomPageModel.PROJECTOR_PAGE, room);
		addClass(view, room.code());
		return view;
	}

	/** The projector's counts for the class's step. */
	@GetMapping("/{code}/projector/panel")
	ModelAndView projectorPanel(@PathVariable String code) {
		Room room = this.joins.get(code);
		ModelAndView view = new ModelAndView(PROJECTOR_PANEL);
		view.addObject("roomPage", RoomDestinations.page(room.code()));
		addClass(view, room.code());
		return view;
	}

	/** The class as the templates read it; its lesson step, or {@code null}. */
	private @Nullable ClassStep addClass(ModelAndView view, RoomCode code) {
		ClassJson state = this.classrooms.view(code);
		view.addObject("classInfo", ClassInfo.of(state));
		view.addObject("classTopic", RoomDestinations.classTopic(code));
		view.addObject("roomApi", RoomDestinations.API + "/" + code.value());
		ClassStep step = teacherStep(state);
		view.addObject("classStep", step);
		return step;
	}

	private @Nullable ClassStep teacherStep(ClassJson state) {
		ClassJson.LessonJson on = state.lesson();
		if (on == null) {
			return null;
		}
		return this.lessons.find(on.id()).map((lesson) -> ClassStep.of(lesson, on.step())).orElse(null);
	}

	/**
	 * The student's panel: the step asked for when the class lets them see it, else the
	 * teacher's (saying why). False when the class is on no lesson.
	 */
	private boolean addStudentPanel(ModelAndView view, Room room, @Nullable Student me, int asked) {
		ClassJson state = this.classrooms.view(room.code());
		ClassStep teacher = teacherStep(state);
		if (teacher == null) {
			return false;
		}
		ClassInfo info = ClassInfo.of(state);
		int shown = teacher.number();
		String refused = null;
		if (asked >= 1 && teacher.lesson().hasStep(asked)) {
			if (info.held() && asked > teacher.number()) {
				refused = ClassroomRequestException.held(teacher.number()).getMessage();
			}
			else {
				shown = asked;
			}
		}
		view.addObject("classInfo", info);
		view.addObject("classStep", ClassStep.of(teacher.lesson(), shown));
		view.addObject("teacherStep", teacher.number());
		view.addObject("refused", refused);
		view.addObject("questions", questions(this.classrooms.classOf(room), me, teacher.lesson(), shown));
		return true;
	}

	/**
	 * The step's questions with the student's own answers; the teacher ({@code null})
	 * answers none.
	 */
	private List<StudentQuestion> questions(Classroom classroom, @Nullable Student me, Lesson lesson, int step) {
		Map<Integer, Integer> mine = new HashMap<>();
		List<MyAnswerJson> answers = (me != null) ? classroom.answersOf(me) : List.of();
		for (MyAnswerJson answer : answers) {
			if (answer.step() == step) {
				mine.put(answer.question(), answer.choice());
			}
		}
		boolean locked = me == null || (classroom.pacing() == ClassSettings.Pacing.HELD && step > classroom.step());
		List<Question> asked = lesson.step(step).questions();
		List<StudentQuestion> questions = new ArrayList<>();
		for (int q = 1; q <= asked.size(); q++) {
			questions.add(new StudentQuestion(q, asked.get(q - 1), mine.get(q), classroom.revealed(step, q), locked));
		}
		return questions;
	}

	/**
	 * The student this browser is in the room, joining now under a generated name if new.
	 */
	private Student me(RoomCode code, HttpServletRequest request, HttpServletResponse response) {
		Optional<Student> known = this.classrooms.findStudent(code, ClassroomAccess.studentToken(request, code));
		if (known.isPresent()) {
			return known.get();
		}
		Student joined = this.classrooms.join(code, null);
		ClassroomAccess.giveStudent(request, response, code, joined);
		return joined;
	}

	private static int number(@Nullable String text) {
		if (text == null || !text.matches("\\d{1,4}")) {
			return -1;
		}
		return Integer.parseInt(text);
	}

	private static String shortAddress(String url) {
		return url.replaceFirst("^https?://", "");
	}

	private static ModelAndView redirect(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
