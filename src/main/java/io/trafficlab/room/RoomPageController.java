package io.trafficlab.room;

import java.util.Map;
import java.util.Optional;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.sandbox.SandboxRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The students' way in: the join form at {@code /rooms}, and the fork that gives a
 * student their own sandbox in the teacher's current state; and {@code GET /rooms/new}, a
 * teacher's bookmark. A room's own pages (a student's, the projector, the teacher's) are
 * the class's ({@code classroom/ClassroomPageController}). A bad, unknown or ended code
 * shows the join form again with the reason and the matching status (400, 404, 410).
 */
@Controller
@RequestMapping(RoomDestinations.PAGES)
record RoomPageController(RoomJoins joins, RoomPageModel pages, ThisInstance instance) {

	static final String JOIN_PAGE = RoomPageModel.JOIN_PAGE;

	private static final String ERROR_PAGE = "error";

	/**
	 * The join form; with {@code ?code=}, the room it names (or the form again, saying
	 * why not).
	 */
	@RequestMapping(path = { "", "/" }, method = RequestMethod.GET)
	ModelAndView join(@RequestParam(name = "code", required = false) @Nullable String code) {
		if (code == null) {
			return new ModelAndView(JOIN_PAGE);
		}
		try {
			// A code of another instance's: its page, which a load balancer takes to that
			// instance
			Optional<RoomCode> elsewhere = wellFormed(code)
				.filter((room) -> this.instance.otherOwnerOfRoom(room.value()).isPresent());
			if (elsewhere.isPresent()) {
				return redirect(RoomDestinations.page(elsewhere.get()));
			}
			return redirect(RoomDestinations.page(this.joins.get(code).code()));
		}
		catch (RoomRequestException ex) {
			return joinAgain(code, ex);
		}
	}

	private static Optional<RoomCode> wellFormed(String code) {
		try {
			return Optional.of(RoomCode.parse(code));
		}
		catch (RoomRequestException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A teacher's bookmark: the playground, opening a room on its new sandbox as soon as
	 * it loads.
	 */
	@RequestMapping(path = "/new", method = RequestMethod.GET)
	ModelAndView teach(@RequestParam(name = "preset", required = false) @Nullable String preset) {
		return redirect(ServletUriComponentsBuilder.fromPath("/")
			.queryParamIfPresent("preset", Optional.ofNullable(preset))
			.queryParam("classroom", "open")
			.build()
			.encode()
			.toUriString());
	}

	/**
	 * A new sandbox for the student, in the teacher's current state: the playground with
	 * the state as a permalink.
	 */
	@RequestMapping(path = "/{code}/fork", method = { RequestMethod.GET, RequestMethod.POST })
	ModelAndView fork(@PathVariable String code) {
		String state;
		try {
			state = this.pages.teacherSandbox(this.joins.get(code)).permalinkState();
		}
		catch (RoomRequestException ex) {
			return joinAgain(code, ex);
		}
		catch (SandboxRequestException ex) {
			return new ModelAndView(ERROR_PAGE, Map.of("status", ex.status().value(), "reason",
					ex.status().getReasonPhrase(), "message",
					"The teacher's sandbox is too large to fork as a link. "
							+ "Ask your teacher for its YAML (Export as YAML) and apply it in your own playground."),
					ex.status());
		}
		return redirect(ServletUriComponentsBuilder.fromPath("/").queryParam("s", state).build().toUriString());
	}

	private static ModelAndView joinAgain(String code, RoomRequestException ex) {
		return RoomPageModel.joinAgain(code, ex);
	}

	private static ModelAndView redirect(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
