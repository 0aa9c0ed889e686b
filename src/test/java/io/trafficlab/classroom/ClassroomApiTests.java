package io.trafficlab.classroom;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.Responses.assertError;
import static io.trafficlab.Responses.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class API over MockMvc: a lesson room from opening to results, predictions counted
 * per choice, pacing, a challenge with a student's own sandbox, and every refusal with
 * its status and words.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClassroomApiTests {

	private static final String LESSON = "uneven-distribution";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry sandboxes;

	@Test
	void aLessonRoomShouldCountEachStudentsOneAnswerPerChoiceAndRevealToEveryone() {
		Opened room = openLesson(2);
		String ada = join(room, "Ada");
		String bo = join(room, "Bo");
		String cy = join(room, "");
		assertThat(answer(room, ada, 2, 1, 2)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"step\": 2, \"question\": 1, \"choice\": 2}");
		assertThat(answer(room, bo, 2, 1, 2)).hasStatusOk();
		assertThat(answer(room, cy, 2, 1, 1)).hasStatusOk();
		// one answer per student: changing it replaces it
		assertThat(answer(room, cy, 2, 1, 3)).hasStatusOk();
		assertThat(this.mvc.get().uri(api(room) + "/class")).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"activity\": \"lesson\", \"lesson\": {\"id\": \"" + LESSON + "\", \"step\": 2, "
					+ "\"steps\": 4, \"stepTitle\": \"It is the count per node\"}, \"pacing\": \"free\", "
					+ "\"joins\": \"open\", \"students\": 3, \"questions\": [{\"question\": 1, \"choices\": 3, "
					+ "\"answered\": 3, \"counts\": [0, 2, 1], \"revealed\": false, \"correct\": null}], "
					+ "\"showing\": \"teacher\"}");
		assertThat(this.mvc.get().uri(api(room) + "/answers/mine").header(ClassroomAccess.STUDENT_HEADER, cy))
			.bodyJson()
			.isLenientlyEqualTo("{\"answers\": [{\"step\": 2, \"question\": 1, \"choice\": 3, \"revealed\": false, "
					+ "\"right\": null}]}");
		assertThat(teacher(this.mvc.post().uri(api(room) + "/reveal?question=1"), room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"questions\": [{\"revealed\": true, \"correct\": 2, \"counts\": [0, 2, 1]}]}");
		assertThat(this.mvc.get().uri(api(room) + "/answers/mine").header(ClassroomAccess.STUDENT_HEADER, cy))
			.bodyJson()
			.isLenientlyEqualTo("{\"answers\": [{\"choice\": 3, \"revealed\": true, \"right\": false}]}");
		assertThat(this.mvc.get().uri(api(room) + "/answers/mine").header(ClassroomAccess.STUDENT_HEADER, ada))
			.bodyJson()
			.isLenientlyEqualTo("{\"answers\": [{\"choice\": 2, \"revealed\": true, \"right\": true}]}");
		assertError(answer(room, ada, 2, 1, 1), HttpStatus.CONFLICT,
				"Your teacher has revealed the answer to " + "question 1 of step 2: it takes no more answers.");
		// the reveal was applied to the room's sandbox: web-4 moves to n3
		Sandbox sandbox = this.sandboxes.get(room.sandbox());
		assertThat(sandbox.snapshot().toString()).contains("n3");
		assertThat(teacher(this.mvc.put().uri(api(room) + "/step?step=3"), room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"lesson\": {\"step\": 3, \"stepTitle\": \"Even counts, even load\"}, "
					+ "\"questions\": [{\"answered\": 0, \"revealed\": false}]}");
		MvcTestResult csv = teacher(this.mvc.get().uri(api(room) + "/results.csv"), room);
		assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
		assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
		assertThat(body(csv).lines().toList()).hasSize(4)
			.startsWith("name,\"predictions answered\",\"predictions right\",\"challenges solved\",\"hints used\"")
			.contains("Ada,1,1,0,0", "Bo,1,1,0,0");
	}

	@Test
	void heldPacingShouldKeepStudentsAtOrBehindTheTeachersStep() {
		Opened room = openLesson(2);
		String ada = join(room, "Ada");
		assertThat(teacher(this.mvc.put().uri(api(room) + "/pacing?value=held"), room)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.pacing")
			.isEqualTo("held");
		assertError(answer(room, ada, 3, 1, 1), HttpStatus.FORBIDDEN, "Your teacher is holding the class on step 2: "
				+ "the steps after it open when the teacher moves on or lets the class go free.");
		assertThat(answer(room, ada, 1, 1, 1)).hasStatusOk();
		assertThat(teacher(this.mvc.put().uri(api(room) + "/pacing?value=free"), room)).hasStatusOk();
		assertThat(answer(room, ada, 3, 1, 1)).hasStatusOk();
		assertError(teacher(this.mvc.put().uri(api(room) + "/pacing?value=paused"), room), HttpStatus.BAD_REQUEST,
				"Query parameter 'value' must be one of: held, free (got \"paused\").");
	}

	@Test
	void aStudentShouldNeverDriveTheRoomOrReadOthers() {
		Opened room = openLesson(2);
		String ada = join(room, "Ada");
		String bo = join(room, "Bo");
		assertThat(answer(room, bo, 2, 1, 3)).hasStatusOk();
		String teacherOnly = "Only the teacher of room " + room.display() + " can %s: from the browser that opened "
				+ "the room (or with its secret as header X-Teacher-Secret).";
		for (String[] control : List.of(new String[] { "PUT", "/step?step=3", "move the class to another step" },
				new String[] { "POST", "/reveal?question=1", "reveal an answer" },
				new String[] { "PUT", "/pacing?value=held", "set the pacing" },
				new String[] { "PUT", "/joins?value=closed", "open or close the room to new students" },
				new String[] { "PUT", "/anonymous?value=true", "hide or show names" },
				new String[] { "PUT", "/challenge?id=n3-passes-health-check", "set a challenge" },
				new String[] { "PUT", "/showing?student=s2", "choose what the projector shows" },
				new String[] { "GET", "/dashboard", "see the dashboard" },
				new String[] { "GET", "/results.csv", "download the results" },
				new String[] { "GET", "/teacher", "drive the room's sandbox" })) {
			MvcTestResult asStudent = this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.request(org.springframework.http.HttpMethod.valueOf(control[0]), api(room) + control[1])
					.header(ClassroomAccess.STUDENT_HEADER, ada)
					.header(ClassroomAccess.TEACHER_HEADER, ada)
					.cookie(new jakarta.servlet.http.Cookie(ClassroomAccess.teacherCookie(room.code()), "guess")));
			assertError(asStudent, HttpStatus.FORBIDDEN, teacherOnly.formatted(control[2]));
		}
		// Ada reads only her own answers, and the class shows counts, never who
		assertThat(this.mvc.get().uri(api(room) + "/answers/mine").header(ClassroomAccess.STUDENT_HEADER, ada))
			.bodyJson()
			.isLenientlyEqualTo("{\"answers\": []}");
		MvcTestResult view = this.mvc.get().uri(api(room) + "/class").exchange();
		assertThat(body(view)).doesNotContain("Bo", bo, room.sandbox(), room.secret());
		// nothing a student gets names the room's sandbox or its secret
		MvcTestResult joined = this.mvc.post().uri(api(room) + "/students?name=Cy").exchange();
		assertThat(body(joined)).doesNotContain(room.sandbox(), room.secret());
		assertThat(joined.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).singleElement()
			.asString()
			.startsWith(ClassroomAccess.studentCookie(room.code()) + "=")
			.contains("HttpOnly", "SameSite=Lax");
		// the room still is on step 2, unrevealed
		assertThat(this.mvc.get().uri(api(room) + "/class")).bodyJson()
			.isLenientlyEqualTo(
					"{\"lesson\": {\"step\": 2}, \"pacing\": \"free\", \"questions\": [{\"revealed\": " + "false}]}");
	}

	@Test
	void answeringWithoutJoiningOrOutOfRangeShouldSayWhy() {
		Opened room = openLesson(2);
		String ada = join(room, "Ada");
		assertError(this.mvc.put().uri(api(room) + "/answers?step=2&question=1&choice=1").exchange(),
				HttpStatus.UNAUTHORIZED, "Join room " + room.display() + " first: open its page, or POST "
						+ "/api/v1/rooms/" + room.code().value() + "/students.");
		assertError(answer(room, ada, 2, 1, 4), HttpStatus.BAD_REQUEST,
				"Question 1 of step 2 has choices 1 to 3; 4 is not one of them.");
		assertError(answer(room, ada, 2, 2, 1), HttpStatus.BAD_REQUEST,
				"Step 2 of lesson \"uneven-distribution\" has questions 1 to 1; 2 is not one of them.");
		assertError(answer(room, ada, 9, 1, 1), HttpStatus.BAD_REQUEST,
				"Lesson \"uneven-distribution\" has steps 1 to 4; 9 is not one of them.");
	}

	@Test
	void namesShouldBeLimitedAndJoinsRefusableAndTheRoomEndWithNothingKept() {
		Opened room = openLesson(1);
		assertError(this.mvc.post().uri(api(room) + "/students?name=" + "x".repeat(41)).exchange(),
				HttpStatus.BAD_REQUEST, "A name may have at most 40 characters; this one has 41.");
		MvcTestResult markup = this.mvc.post().uri(api(room) + "/students?name=<b>Eve</b>").exchange();
		assertThat(markup).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.name").isEqualTo("<b>Eve</b>");
		MvcTestResult made = this.mvc.post().uri(api(room) + "/students").exchange();
		assertThat(JsonPath.<String>read(body(made), "$.name")).matches("[A-Z][a-z]+ [A-Z][a-z]+");
		assertThat(teacher(this.mvc.put().uri(api(room) + "/joins?value=closed"), room)).hasStatusOk();
		assertError(this.mvc.post().uri(api(room) + "/students?name=Late").exchange(), HttpStatus.FORBIDDEN,
				"Room " + room.display() + " takes no new students now: the teacher closed it to new joins.");
		assertThat(teacher(this.mvc.delete().uri(api(room)), room)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.get().uri(api(room) + "/class")).hasStatus(HttpStatus.GONE);
		assertThat(teacher(this.mvc.get().uri(api(room) + "/dashboard"), room)).hasStatus(HttpStatus.GONE);
	}

	@Test
	void aChallengeShouldGiveEachStudentTheirOwnSandboxAndTheDashboardTheirProgress() {
		Opened room = open("/api/v1/rooms?challenge=n3-passes-health-check");
		String ada = join(room, "Ada");
		String bo = join(room, "Bo");
		MvcTestResult first = this.mvc.post()
			.uri(api(room) + "/students/me/sandbox")
			.header(ClassroomAccess.STUDENT_HEADER, ada)
			.exchange();
		assertThat(first).hasStatus(HttpStatus.CREATED);
		String adaSandbox = JsonPath.read(body(first), "$.id");
		assertThat(adaSandbox).isNotEqualTo(room.sandbox());
		assertThat(this.mvc.post().uri(api(room) + "/students/me/sandbox").header(ClassroomAccess.STUDENT_HEADER, ada))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.id")
			.isEqualTo(adaSandbox);
		assertThat(this.mvc.post().uri(api(room) + "/students/me/hints").header(ClassroomAccess.STUDENT_HEADER, ada))
			.bodyJson()
			.isLenientlyEqualTo("{\"hintsUsed\": 1}");
		assertThat(teacher(this.mvc.get().uri(api(room) + "/dashboard"), room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"anonymous\": false, \"challenge\": {\"id\": \"n3-passes-health-check\"}, "
					+ "\"students\": [{\"ref\": \"s1\", \"name\": \"Ada\", \"challenge\": {\"started\": true, "
					+ "\"solved\": false, \"hintsUsed\": 1}}, {\"ref\": \"s2\", \"name\": \"Bo\", \"challenge\": "
					+ "{\"started\": false, \"holding\": 0}}]}");
		assertThat(teacher(this.mvc.put().uri(api(room) + "/anonymous?value=true"), room)).hasStatusOk();
		assertThat(teacher(this.mvc.get().uri(api(room) + "/dashboard"), room)).bodyJson()
			.isLenientlyEqualTo("{\"students\": [{\"name\": \"Student 1\"}, {\"name\": \"Student 2\"}]}");
		assertError(teacher(this.mvc.put().uri(api(room) + "/showing?student=s2"), room), HttpStatus.CONFLICT,
				"That student has no live sandbox for the challenge set, so there is nothing to show.");
		assertThat(teacher(this.mvc.put().uri(api(room) + "/showing?student=s1"), room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"showing\": \"solution\", \"showingGeneration\": 1}");
		assertThat(teacher(this.mvc.delete().uri(api(room) + "/showing"), room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("{\"showing\": \"teacher\", \"showingGeneration\": 2}");
		assertThat(body(this.mvc.get().uri(api(room) + "/class").exchange())).doesNotContain(adaSandbox, bo);
	}

	private Opened openLesson(int step) {
		return open("/api/v1/rooms?lesson=" + LESSON + "&step=" + step);
	}

	private Opened open(String uri) {
		MvcTestResult result = this.mvc.post().uri(uri).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		String code = JsonPath.read(body(result), "$.code");
		String secret = JsonPath.read(body(result), "$.teacherSecret");
		assertThat(result.getResponse().getHeaders(HttpHeaders.SET_COOKIE)).singleElement()
			.asString()
			.startsWith("TL-Teacher-" + code + "=" + secret)
			.contains("HttpOnly", "SameSite=Strict");
		assertThat(JsonPath.<String>read(body(result), "$.teacherPage"))
			.isEqualTo("http://localhost/rooms/" + code.substring(0, 3) + "-" + code.substring(3) + "/teach");
		String sandbox = JsonPath.read(body(
				this.mvc.get().uri("/api/v1/rooms/" + code + "/teacher").header("X-Teacher-Secret", secret).exchange()),
				"$.sandbox");
		return new Opened(new io.trafficlab.room.RoomCode(code), secret, sandbox);
	}

	private String join(Opened room, String name) {
		MvcTestResult result = this.mvc.post().uri(api(room) + "/students?name=" + name).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(body(result), "$.token");
	}

	private MvcTestResult answer(Opened room, String token, int step, int question, int choice) {
		return this.mvc.put()
			.uri(api(room) + "/answers?step=" + step + "&question=" + question + "&choice=" + choice)
			.header(ClassroomAccess.STUDENT_HEADER, token)
			.exchange();
	}

	private static MvcTestResult teacher(MockMvcTester.MockMvcRequestBuilder request, Opened room) {
		return request.header(ClassroomAccess.TEACHER_HEADER, room.secret()).exchange();
	}

	private static String api(Opened room) {
		return "/api/v1/rooms/" + room.code().value();
	}

	private record Opened(io.trafficlab.room.RoomCode code, String secret, String sandbox) {

		String display() {
			return this.code.display();
		}

	}

}
