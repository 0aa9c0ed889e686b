package io.trafficlab.lesson;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A missing lesson, step or question is a 404 page and a bad request a 400 page, each
 * saying what is wrong; for htmx requests the notice goes to the page's alert region.
 * Controller-local (the controllers implement this interface), because those are
 * consulted before the API-wide advice.
 */
interface LessonErrorResponses {

	@ExceptionHandler
	default ModelAndView lessonNotFound(LessonNotFoundException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return errorPage(HttpStatus.NOT_FOUND, String.valueOf(ex.getMessage()), request, response);
	}

	@ExceptionHandler
	default ModelAndView lessonBadRequest(LessonBadRequestException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return errorPage(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()), request, response);
	}

	private static ModelAndView errorPage(HttpStatus status, String message, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, Object> model = Map.of("status", status.value(), "reason", status.getReasonPhrase(), "message",
				message);
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Retarget", "#request-error");
			response.setHeader("HX-Reswap", "innerHTML");
			return new ModelAndView("fragments/errorNotice :: errorNotice", model, status);
		}
		return new ModelAndView("error", model, status);
	}

}
