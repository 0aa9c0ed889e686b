package io.trafficlab.classroom;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.teaching.LessonCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every class page's model holds (the class as its templates read it, the class
 * topic, the teacher's lesson step), and the small parsing and redirects the class pages
 * share.
 */
@Component
record ClassPages(Classrooms classrooms, LessonCatalog lessons) {

	/** The class as the templates read it; answers its lesson step, or {@code null}. */
	@Nullable ClassStep addClass(ModelAndView view, RoomCode code) {
		ClassJson state = this.classrooms.view(code);
		view.addObject("classInfo", ClassInfo.of(state));
		view.addObject("classTopic", RoomDestinations.classTopic(code));
		view.addObject("roomApi", RoomDestinations.API + "/" + code.value());
		view.addObject("roomPage", RoomDestinations.page(code));
		ClassStep step = teacherStep(state);
		view.addObject("classStep", step);
		return step;
	}

	/** The teacher's step, or {@code null} when the class is on no lesson. */
	@Nullable ClassStep teacherStep(ClassJson state) {
		ClassJson.LessonJson on = state.lesson();
		if (on == null) {
			return null;
		}
		return this.lessons.find(on.id()).map((lesson) -> ClassStep.of(lesson, on.step())).orElse(null);
	}

	/** A small positive number from a URL or a form, or -1. */
	static int number(@Nullable String text) {
		if (text == null || !text.matches("\\d{1,4}")) {
			return -1;
		}
		return Integer.parseInt(text);
	}

	/** A 303 to a path of ours (after a form's POST, a GET). */
	static ModelAndView redirect(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
