package io.trafficlab.classroom;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.room.RoomCode;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TeacherDashboardController} and
 * {@link StudentChallengePageController}: the dashboard only for the room's teacher, one
 * row per student with names as text, the challenge's progress and hints, anonymous
 * names, the student shown on the projector; a student's challenge page on their own
 * sandbox, never the room's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClassroomChallengePagesTests {

	@Autowired
	private MockMvcTester mvc;

	private String code;

	private String display;

	private String secret;

	@BeforeEach
	void openARoomOnAChallenge() {
		MvcTestResult opened = this.mvc.post().uri("/api/v1/rooms?challenge=n3-passes-health-check").exchange();
		assertThat(opened).hasStatus(HttpStatus.CREATED);
		this.code = JsonPath.read(body(opened), "$.code");
		this.display = JsonPath.read(body(opened), "$.display");
		this.secret = JsonPath.read(body(opened), "$.teacherSecret");
	}

	@Test
	void dashboardShouldShowEachStudentsProgressOnlyToTheTeacher() {
		String otter = join("<b>Otter</b>");
		join("Heron");
		assertThat(this.mvc.get().uri("/rooms/" + this.display + "/teach/dashboard")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("Only the teacher of room " + this.display);
		assertThat(this.mvc.get()
			.uri("/rooms/" + this.display + "/teach/dashboard/table")
			.header(ClassroomAccess.STUDENT_HEADER, otter)).hasStatus(HttpStatus.FORBIDDEN);

		String dashboard = teacherGet("/rooms/" + this.display + "/teach/dashboard");
		assertThat(dashboard)
			.contains("Set a challenge", "Download results (CSV)",
					"href=\"/api/v1/rooms/" + this.code + "/results.csv\"", "0 of 2 solved", "&lt;b&gt;Otter&lt;/b&gt;",
					"not started")
			.doesNotContain("<b>Otter</b>")
			.containsPattern("<option value=\"n3-passes-health-check\" selected=\"selected\">");

		assertThat(this.mvc.post()
			.uri("/api/v1/rooms/" + this.code + "/students/me/sandbox")
			.header(ClassroomAccess.STUDENT_HEADER, otter)).hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.post()
			.uri("/api/v1/rooms/" + this.code + "/students/me/hints")
			.header(ClassroomAccess.STUDENT_HEADER, otter)).hasStatusOk();
		String table = teacherGet("/rooms/" + this.display + "/teach/dashboard/table");
		assertThat(table).contains("1 of 2 conditions hold", "data-student=\"s1\"", "Show on the projector")
			.containsPattern("data-part=\"row-hints\">1<");

		assertThat(this.mvc.put()
			.uri("/api/v1/rooms/" + this.code + "/showing?student=s1")
			.header(ClassroomAccess.TEACHER_HEADER, this.secret)).hasStatusOk();
		assertThat(this.mvc.put()
			.uri("/api/v1/rooms/" + this.code + "/anonymous?value=true")
			.header(ClassroomAccess.TEACHER_HEADER, this.secret)).hasStatusOk();
		table = teacherGet("/rooms/" + this.display + "/teach/dashboard/table");
		assertThat(table)
			.contains("Student 1", "Student 2", "On the projector", "Back to my sandbox", "aria-checked=\"true\"")
			.doesNotContain("Otter", "Heron", "Show on the projector");
	}

	@Test
	void challengePageShouldStartTheStudentsOwnSandboxAndNeverNameTheRooms() {
		assertThat(this.mvc.get().uri("/rooms/" + this.display + "/challenge")).hasStatus(HttpStatus.SEE_OTHER)
			.headers()
			.hasValue(HttpHeaders.LOCATION, "/rooms/" + this.display);
		String token = join("Quiet Otter");
		assertThat(this.mvc.post()
			.uri("/api/v1/rooms/" + this.code + "/students/me/hints")
			.header(ClassroomAccess.STUDENT_HEADER, token)).hasStatusOk();
		MvcTestResult page = this.mvc.get()
			.uri("/rooms/" + this.display + "/challenge")
			.cookie(new Cookie(ClassroomAccess.studentCookie(RoomCode.parse(this.code)), token))
			.exchange();
		assertThat(page).hasStatusOk();
		String roomSandbox = JsonPath.read(teacherGet("/api/v1/rooms/" + this.code + "/teacher"), "$.sandbox");
		assertThat(body(page))
			.contains("Make n3 pass the health check", "Quiet Otter",
					"data-create=\"/api/v1/rooms/" + this.code + "/students/me/sandbox\"",
					"data-hints-api=\"/api/v1/rooms/" + this.code + "/students/me/hints\"", "data-hints-used=\"1\"",
					"data-control=\"hint\"", "id=\"challenge-check\"")
			.doesNotContain(roomSandbox, this.secret, token);

		assertThat(this.mvc.delete()
			.uri("/api/v1/rooms/" + this.code + "/challenge")
			.header(ClassroomAccess.TEACHER_HEADER, this.secret)).hasStatusOk();
		assertThat(this.mvc.get()
			.uri("/rooms/" + this.display + "/challenge")
			.header(ClassroomAccess.STUDENT_HEADER, token)).hasStatusOk()
			.bodyText()
			.contains("Your teacher has not set a challenge")
			.doesNotContain("data-create");
	}

	@Test
	void aNewStudentOfARoomOpenedOnAChallengeShouldJoinAndGoStraightToTheirOwnChallenge() {
		MvcTestResult first = this.mvc.get().uri("/rooms/" + this.display).exchange();
		assertThat(first).hasStatus(HttpStatus.SEE_OTHER)
			.headers()
			.hasValue(HttpHeaders.LOCATION, "/rooms/" + this.display + "/challenge");
		String cookie = first.getResponse().getHeader(HttpHeaders.SET_COOKIE);
		assertThat(cookie).startsWith(ClassroomAccess.studentCookie(new RoomCode(this.code)) + "=");
		String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
		assertThat(this.mvc.get()
			.uri("/rooms/" + this.display + "/challenge")
			.header(ClassroomAccess.STUDENT_HEADER, token)).hasStatusOk()
			.bodyText()
			.contains("Make n3 pass the health check")
			.doesNotContain(this.secret);
		// the teacher looking at the students' view watches the room, and joins nobody
		assertThat(this.mvc.get().uri("/rooms/" + this.display).header(ClassroomAccess.TEACHER_HEADER, this.secret))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/api/v1/rooms/" + this.code + "/class")).bodyJson()
			.extractingPath("$.students")
			.isEqualTo(1);
	}

	private String join(String name) {
		MvcTestResult joined = this.mvc.post()
			.uri("/api/v1/rooms/" + this.code + "/students")
			.param("name", name)
			.exchange();
		assertThat(joined).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(body(joined), "$.token");
	}

	private String teacherGet(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).header(ClassroomAccess.TEACHER_HEADER, this.secret).exchange();
		assertThat(result).hasStatusOk();
		return body(result);
	}

}
