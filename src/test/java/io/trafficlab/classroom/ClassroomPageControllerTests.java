package io.trafficlab.classroom;

import io.trafficlab.room.Room;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.sandbox.SandboxRegistry;
import jakarta.servlet.http.Cookie;
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
 * Tests for {@link ClassroomPageController} and {@link StudentPageController}: a room
 * opened from a lesson step's form, the teacher's page only for the teacher's browser, a
 * student's page that joins and shows only the student's own answers, pacing refused with
 * the server's words, and neither the sandbox id nor the teacher's secret on any page a
 * student loads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClassroomPageControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Classrooms classrooms;

	@Autowired
	private SandboxRegistry sandboxes;

	@Test
	void theStepFormShouldOpenARoomAndMakeThisBrowserItsTeacher() {
		MvcTestResult opened = this.mvc.post()
			.uri("/rooms/new")
			.param("lesson", "uneven-distribution")
			.param("step", "2")
			.exchange();
		assertThat(opened).hasStatus(HttpStatus.SEE_OTHER);
		String location = opened.getResponse().getHeader(HttpHeaders.LOCATION);
		assertThat(location).matches("/rooms/[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}/teach");
		Cookie teacher = opened.getResponse().getCookies()[0];
		assertThat(teacher.getName()).startsWith("TL-Teacher-");
		assertThat(teacher.isHttpOnly()).isTrue();
		assertThat(opened.getResponse().getHeader(HttpHeaders.SET_COOKIE)).contains("SameSite=Strict");

		MvcTestResult page = this.mvc.get().uri(location).cookie(teacher).exchange();
		assertThat(page).hasStatusOk();
		assertThat(body(page))
			.contains("It is the count per node", "data-teacher-action=\"reveal\"", "data-part=\"dashboard\"",
					"data-sandbox-id=")
			// the class feed's stream names the room, for a load balancer
			// (frontend/src/stream/streamUrl.ts)
			.containsPattern("data-role=\"teacher\" data-room-code=\"[2-9A-HJ-NP-Z]{6}\"")
			.doesNotContain(teacher.getValue());

		MvcTestResult stranger = this.mvc.get().uri(location).exchange();
		assertThat(stranger).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(body(stranger)).contains("Only the teacher's browser opens this page")
			.doesNotContain("data-sandbox-id");
	}

	@Test
	void aStudentShouldJoinOnTheFirstVisitAndSeeOnlyTheirOwnAnswer() {
		Room room = this.classrooms.openLesson("uneven-distribution", 2);
		String page = RoomDestinations.page(room.code());
		MvcTestResult first = this.mvc.get().uri(page).exchange();
		assertThat(first).hasStatusOk();
		Cookie token = first.getResponse().getCookie(ClassroomAccess.studentCookie(room.code()));
		assertThat(token).isNotNull();
		assertThat(body(first)).contains("You are", "It is the count per node", "Send my answer")
			.contains("data-role=\"student\" data-room-code=\"" + room.code().value() + "\"",
					"data-snapshot-url=\"" + RoomDestinations.snapshotUrl(room.code()) + "\"")
			.doesNotContain(room.sandbox(), room.teacher().value(), "data-sandbox-id", "data-class-counts");
		Student other = this.classrooms.join(room.code(), "<b>Loud</b> Lion");
		this.classrooms.answer(room.code(), other.token(), 2, 1, 1);

		MvcTestResult answered = this.mvc.post()
			.uri(page + "/answers")
			.header("HX-Request", "true")
			.cookie(token)
			.param("step", "2")
			.param("question", "1")
			.param("choice", "2")
			.exchange();
		assertThat(answered).hasStatusOk();
		assertThat(body(answered))
			.contains("Your answer:", "you can change it until your teacher reveals", "Change my answer")
			.doesNotContain("Loud");
		assertThat(this.classrooms.view(room.code()).questions().get(0).counts()).containsExactly(1, 1, 0);

		this.classrooms.reveal(room.code(), room.teacher().value(), 1);
		MvcTestResult revealed = this.mvc.get().uri(page + "/panel?step=2").cookie(token).exchange();
		assertThat(body(revealed)).contains("data-verdict=\"right\"", "your answer", "A move is a reschedule")
			.doesNotContain("Send my answer");
		// A name is text, never HTML
		this.mvc.post().uri(page + "/name").cookie(token).param("name", "<b>Loud</b> Otter").exchange();
		assertThat(body(this.mvc.get().uri(page).cookie(token).exchange())).contains("&lt;b&gt;Loud&lt;/b&gt; Otter")
			.doesNotContain("<b>Loud</b>");
	}

	@Test
	void aHeldClassShouldRefuseStepsAheadWithTheServersWords() {
		Room room = this.classrooms.openLesson("uneven-distribution", 2);
		String secret = room.teacher().value();
		this.classrooms.pacing(room.code(), secret, ClassSettings.Pacing.HELD);
		String page = RoomDestinations.page(room.code());
		Cookie token = this.mvc.get()
			.uri(page)
			.exchange()
			.getResponse()
			.getCookie(ClassroomAccess.studentCookie(room.code()));

		MvcTestResult ahead = this.mvc.get().uri(page + "/panel?step=3").cookie(token).exchange();
		assertThat(body(ahead)).contains("data-step=\"2\"", "step-dot--locked", "data-part=\"refused\"",
				"Your teacher is holding the class on step 2");
		MvcTestResult answer = this.mvc.post()
			.uri(page + "/answers")
			.header("HX-Request", "true")
			.cookie(token)
			.param("step", "3")
			.param("question", "1")
			.param("choice", "1")
			.exchange();
		assertThat(answer).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(body(answer)).contains("Your teacher is holding the class on step 2");

		this.classrooms.pacing(room.code(), secret, ClassSettings.Pacing.FREE);
		assertThat(body(this.mvc.get().uri(page + "/panel?step=3").cookie(token).exchange()))
			.contains("data-step=\"3\"", "Back to the teacher&#39;s step (2)");
	}

	@Test
	void theProjectorShouldCountWithoutNamesAndARoomOnThePlaygroundStayAsItWas() {
		Room room = this.classrooms.openLesson("uneven-distribution", 2);
		Student named = this.classrooms.join(room.code(), "Quiet Otter");
		this.classrooms.answer(room.code(), named.token(), 2, 1, 2);
		MvcTestResult projector = this.mvc.get().uri(RoomDestinations.page(room.code()) + "/projector").exchange();
		assertThat(body(projector)).contains("data-class-counts", "It is the count per node")
			.contains("data-role=\"projector\" data-room-code=\"" + room.code().value() + "\"",
					"data-snapshot-url=\"" + RoomDestinations.snapshotUrl(room.code()) + "\"")
			.doesNotContain("Quiet Otter", room.sandbox(), room.teacher().value());

		var playground = this.sandboxes.createFromPreset("uneven-3-1-0", 1L);
		Room old = this.classrooms.openOnSandbox(playground.id()).room();
		MvcTestResult watching = this.mvc.get().uri(RoomDestinations.page(old.code())).exchange();
		assertThat(watching).hasStatusOk();
		assertThat(body(watching)).contains("data-control=\"fork\"").doesNotContain("data-class-panel");
		assertThat(watching.getResponse().getCookies()).isEmpty();
	}

}
