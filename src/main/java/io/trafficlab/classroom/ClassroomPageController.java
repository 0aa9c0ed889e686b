package io.trafficlab.classroom;

import io.trafficlab.lesson.StepControls;
import io.trafficlab.room.Room;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomJoins;
import io.trafficlab.room.RoomPageModel;
import io.trafficlab.room.RoomRequestException;
import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxCreatedJson;
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
 * The teacher's side of a class and the projector: "Teach this to a class"
 * ({@code POST /rooms/new}), the teacher's page (only with the teacher's cookie: it
 * drives the room's sandbox, so it alone knows the sandbox id), and the projector with
 * the counts, never names. The panels are fragments too, fetched again when the class
 * topic says the class moved; a student's pages are {@link StudentPageController}'s. No
 * page carries the teacher's secret.
 */
@Controller
@RequestMapping(RoomDestinations.PAGES)
record ClassroomPageController(Classrooms classrooms, RoomJoins joins, RoomPageModel pages, ClassPages classPages) {

	static final String TEACH_PAGE = "classroom/teachPage";

	static final String NOT_TEACHER_PAGE = "classroom/notTeacherPage";

	static final String TEACHER_PANEL = "classroom/fragments :: teacherPanel";

	static final String PROJECTOR_PANEL = "classroom/fragments :: projectorPanel";

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
			room = this.classrooms.openLesson(lesson, ClassPages.number(step));
		}
		else {
			throw ClassroomRequestException
				.badValue("Name a lesson and a step, or a challenge, to teach in a room (form fields "
						+ "'lesson' and 'step', or 'challenge').");
		}
		ClassroomAccess.giveTeacher(request, response, room);
		return ClassPages.redirect(RoomDestinations.teacherPage(room.code()));
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
		ClassStep step = this.classPages.addClass(view, room.code());
		if (step != null) {
			// the lesson's own short bar, so the canvas starts above the fold; "More
			// controls" has the rest
			view.addObject("stepControls", StepControls.of(step.lesson()));
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
		if (this.classPages.addClass(view, room.code()) == null) {
			return new ModelAndView(new RedirectView(RoomDestinations.teacherPage(room.code()), true));
		}
		return view;
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
		this.classPages.addClass(view, room.code());
		return view;
	}

	/** The projector's counts for the class's step. */
	@GetMapping("/{code}/projector/panel")
	ModelAndView projectorPanel(@PathVariable String code) {
		Room room = this.joins.get(code);
		ModelAndView view = new ModelAndView(PROJECTOR_PANEL);
		this.classPages.addClass(view, room.code());
		return view;
	}

	private static String shortAddress(String url) {
		return url.replaceFirst("^https?://", "");
	}

}
