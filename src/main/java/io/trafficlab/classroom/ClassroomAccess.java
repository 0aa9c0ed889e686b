package io.trafficlab.classroom;

import java.util.Arrays;

import io.trafficlab.room.Room;
import io.trafficlab.room.RoomCode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Who a request comes from in a room: the teacher's secret and a student's token, each
 * from a header (API clients) or an HttpOnly cookie named after the room (browsers). The
 * teacher's cookie is SameSite=Strict: no other site's page can make a browser send it;
 * the student's is Lax, so a link to the room from elsewhere still finds the student.
 */
public final class ClassroomAccess {

	public static final String TEACHER_HEADER = "X-Teacher-Secret";

	public static final String STUDENT_HEADER = "X-Student-Token";

	private ClassroomAccess() {
	}

	public static String teacherCookie(RoomCode code) {
		return "TL-Teacher-" + code.value();
	}

	public static String studentCookie(RoomCode code) {
		return "TL-Student-" + code.value();
	}

	/** The teacher's secret the request presents, if any. */
	public static @Nullable String teacherSecret(HttpServletRequest request, RoomCode code) {
		return presented(request, TEACHER_HEADER, teacherCookie(code));
	}

	/** The student's token the request presents, if any. */
	public static @Nullable String studentToken(HttpServletRequest request, RoomCode code) {
		return presented(request, STUDENT_HEADER, studentCookie(code));
	}

	/**
	 * Gives the browser the room's teacher secret, for the teacher's page and controls.
	 */
	public static void giveTeacher(HttpServletRequest request, HttpServletResponse response, Room room) {
		set(request, response, teacherCookie(room.code()), room.teacher().value(), "Strict");
	}

	/** Gives the browser a student's token for the room. */
	public static void giveStudent(HttpServletRequest request, HttpServletResponse response, RoomCode code,
			Student student) {
		set(request, response, studentCookie(code), student.token(), "Lax");
	}

	private static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
			String sameSite) {
		ResponseCookie cookie = ResponseCookie.from(name, value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite(sameSite)
			.path("/")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private static @Nullable String presented(HttpServletRequest request, String header, String cookie) {
		String value = request.getHeader(header);
		if (value != null && !value.isBlank()) {
			return value.strip();
		}
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		return Arrays.stream(cookies)
			.filter((c) -> c.getName().equals(cookie))
			.map(Cookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
