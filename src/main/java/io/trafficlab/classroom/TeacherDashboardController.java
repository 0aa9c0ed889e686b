package io.trafficlab.classroom;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.teaching.ChallengeCatalog;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The teacher's dashboard on the teacher's page, rendered from
 * {@link Classrooms#dashboard}: the whole section once (the challenge to set, the CSV),
 * then its table, polled. Only the room's teacher gets either; anyone else gets the 403
 * notice in its place.
 */
@Controller
@RequestMapping(RoomDestinations.PAGES + "/{code}/teach/dashboard")
record TeacherDashboardController(Classrooms classrooms, ChallengeCatalog challenges) {

	static final String DASHBOARD = "classroom/dashboard :: dashboard";

	static final String TABLE = "classroom/dashboard :: dashboardBody";

	/** Where the teacher's page loads the dashboard from. */
	static String page(RoomCode code) {
		return RoomDestinations.page(code) + "/teach/dashboard";
	}

	@GetMapping
	String dashboard(@PathVariable String code, HttpServletRequest request, Model model) {
		board(code, request, model);
		model.addAttribute("challenges", this.challenges.all());
		return DASHBOARD;
	}

	@GetMapping("/table")
	String table(@PathVariable String code, HttpServletRequest request, Model model) {
		board(code, request, model);
		return TABLE;
	}

	private void board(String code, HttpServletRequest request, Model model) {
		RoomCode room = RoomCode.parse(code);
		DashboardJson board = this.classrooms.dashboard(room, ClassroomAccess.teacherSecret(request, room));
		model.addAttribute("board", board);
		model.addAttribute("solved",
				board.students().stream().filter((row) -> row.challenge() != null && row.challenge().solved()).count());
		model.addAttribute("classApi", RoomDestinations.API + "/" + room.value());
		model.addAttribute("dashboardTable", page(room) + "/table");
	}

}
