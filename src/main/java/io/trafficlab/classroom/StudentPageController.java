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
import io.trafficlab.teaching.Lesson;
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
 * A student's side of a class: their page ({@code /rooms/{code}}: joining on the first
 * visit under a generated name, the lesson step beside the room's canvas), the panel
 * again for another step or when the class moves, their answers (changeable until the
 * reveal, then marked right or wrong) and their name. A student sees only their own
 * answers; a held class keeps the steps ahead closed, with the server's reason. A room on
 * the playground keeps its read-only page.
 */
@Controller
@RequestMapping(RoomDestinations.PAGES)
record StudentPageController(Classrooms classrooms, RoomJoins joins, RoomPageModel roomPages, ClassPages pages) {

	static final String STUDENT_PAGE = "classroom/studentPage";

	static final String STUDENT_PANEL = "classroom/fragments :: studentPanel";

	static final String STUDENT_QUESTION = "classroom/fragments :: studentQuestion";

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
		// The teacher looking at the students' view does not become a student
		boolean teacher = this.classrooms.isTeacher(room.code(), ClassroomAccess.teacherSecret(request, room.code()));
		boolean onChallengeOnly = state.lesson() == null && state.activity() == ClassSettings.Activity.CHALLENGE;
		if (state.lesson() == null && (teacher || !onChallengeOnly)) {
			return this.roomPages.view(RoomPageModel.ROOM_PAGE, room);
		}
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
		if (onChallengeOnly) {
			// A room opened on a challenge has nothing to show but the challenge:
			// straight to the student's own
			RedirectView challenge = new RedirectView(RoomDestinations.page(room.code()) + "/challenge", true);
			challenge.setStatusCode(HttpStatus.SEE_OTHER);
			return new ModelAndView(challenge);
		}
		ModelAndView view = this.roomPages.view(STUDENT_PAGE, room);
		view.addObject("me", me);
		view.addObject("classTopic", RoomDestinations.classTopic(room.code()));
		addStudentPanel(view, room, me, ClassPages.number(step));
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
		if (!addStudentPanel(view, room, me, ClassPages.number(step))) {
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
		int stepNumber = ClassPages.number(step);
		int questionNumber = ClassPages.number(question);
		String error = null;
		HttpStatus status = HttpStatus.OK;
		if (!lesson.hasStep(stepNumber) || questionNumber < 1
				|| questionNumber > lesson.step(stepNumber).questions().size()) {
			throw ClassroomRequestException
				.notFound("Step " + step + " of \"" + lesson.title() + "\" has no question " + question + ".");
		}
		Question asked = lesson.step(stepNumber).questions().get(questionNumber - 1);
		int chosen = ClassPages.number(choice);
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
			return ClassPages.redirect(RoomDestinations.page(room.code()) + "?step=" + stepNumber);
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
		return ClassPages.redirect(RoomDestinations.page(room.code()));
	}

	/**
	 * The student's panel: the step asked for when the class lets them see it, else the
	 * teacher's (saying why). False when the class is on no lesson.
	 */
	private boolean addStudentPanel(ModelAndView view, Room room, @Nullable Student me, int asked) {
		ClassJson state = this.classrooms.view(room.code());
		ClassStep teacher = this.pages.teacherStep(state);
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
		view.addObject("heldBack", refused);
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

}
