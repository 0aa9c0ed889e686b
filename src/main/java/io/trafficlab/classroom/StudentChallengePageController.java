package io.trafficlab.classroom;

import java.util.Optional;

import io.trafficlab.challenge.ChallengeSandboxes;
import io.trafficlab.room.Room;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomJoins;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.sandbox.SandboxPageCreation;
import io.trafficlab.teaching.Challenge;
import io.trafficlab.teaching.ChallengeCatalog;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A student's page for the challenge the teacher set: the challenge's panel beside the
 * student's own sandbox, which the page's script creates (or finds again) with
 * {@code POST /api/v1/rooms/{code}/students/me/sandbox}. A browser that has not joined is
 * sent to the room's page, which joins it.
 */
@Controller
record StudentChallengePageController(RoomJoins joins, Classrooms classrooms, ChallengeCatalog challenges,
		PresetCatalog presets) {

	static final String PAGE = "classroom/challengePage";

	@GetMapping(RoomDestinations.PAGES + "/{code}/challenge")
	ModelAndView challenge(@PathVariable String code, HttpServletRequest request, Model model) {
		Room room = this.joins.get(code);
		RoomCode roomCode = room.code();
		Optional<Student> student = this.classrooms.findStudent(roomCode,
				ClassroomAccess.studentToken(request, roomCode));
		if (student.isEmpty()) {
			RedirectView join = new RedirectView(RoomDestinations.page(roomCode), true);
			join.setStatusCode(HttpStatus.SEE_OTHER);
			join.setExposeModelAttributes(false);
			return new ModelAndView(join);
		}
		String api = RoomDestinations.API + "/" + roomCode.value() + "/students/me";
		model.addAttribute("room", roomCode);
		model.addAttribute("roomPage", RoomDestinations.page(roomCode));
		model.addAttribute("studentName", student.get().name());
		ClassJson.ChallengeJson set = this.classrooms.view(roomCode).challenge();
		Challenge challenge = (set != null) ? this.challenges.find(set.id()).orElse(null) : null;
		if (challenge == null) {
			return new ModelAndView(PAGE, model.asMap());
		}
		model.addAttribute("challenge", challenge);
		model.addAttribute("presets", this.presets.all());
		model.addAttribute("hintsApi", api + "/hints");
		model.addAttribute("hintsUsed", student.get().hints(challenge.id()));
		SandboxPageCreation.addPending(model, ChallengeSandboxes.preset(challenge), api + "/sandbox");
		return new ModelAndView(PAGE, model.asMap());
	}

}
