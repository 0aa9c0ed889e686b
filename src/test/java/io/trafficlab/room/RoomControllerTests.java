package io.trafficlab.room;

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
 * Tests for {@link RoomController} and {@link RoomPageController}: opening, reading and
 * closing rooms over the API, the students' pages and the fork, and every way a code can
 * be wrong (400, 404, 410, 403), never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoomControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry sandboxes;

	@Test
	void openShouldAnswer201WithTheCodeAndAddressesButNeverTheSandboxId() {
		Sandbox sandbox = this.sandboxes.createFromPreset("uneven-3-1-0", 1L);
		MvcTestResult result = this.mvc.post().uri("/api/v1/rooms?sandbox=" + sandbox.id()).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		String code = JsonPath.read(body(result), "$.code");
		assertThat(code).matches(RoomCode.CANONICAL);
		String display = code.substring(0, 3) + "-" + code.substring(3);
		assertThat(result).headers().hasValue(HttpHeaders.LOCATION, "/api/v1/rooms/" + code);
		assertThat(result).bodyJson()
			.isLenientlyEqualTo("{\"display\": \"" + display + "\", \"joinPage\": \"http://localhost/rooms\", "
					+ "\"joinUrl\": \"http://localhost/rooms/" + display + "\", "
					+ "\"projectorUrl\": \"http://localhost/rooms/" + display + "/projector\", "
					+ "\"forkUrl\": \"http://localhost/rooms/" + display + "/fork\", " + "\"topic\": \"/topic/rooms/"
					+ code + "/events\", \"statsTopic\": \"/topic/rooms/" + code
					+ "/stats\", \"snapshotDestination\": \"/app/rooms/" + code + "/snapshot\", \"watching\": 0, "
					+ "\"maxStudents\": 200}");
		assertThat(body(result)).doesNotContain(sandbox.id());
		MvcTestResult again = this.mvc.post().uri("/api/v1/rooms?sandbox=" + sandbox.id()).exchange();
		assertThat(again).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(this.mvc.get().uri("/api/v1/rooms/" + display.toLowerCase())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo(code);
	}

	@Test
	void openWhenTheSandboxIsMissingOrUnknownShouldSayWhich() {
		assertError(this.mvc.post().uri("/api/v1/rooms").exchange(), HttpStatus.BAD_REQUEST,
				"Name exactly one of the query parameters 'sandbox' (your sandbox's id), 'lesson' (with 'step') "
						+ "or 'challenge' to open a room on.");
		assertError(this.mvc.post().uri("/api/v1/rooms?sandbox=AAAAAAAAAAAAAAAAAAAAAA").exchange(),
				HttpStatus.NOT_FOUND, "There is no sandbox \"AAAAAAAAAAAAAAAAAAAAAA\" to open a room on: it never "
						+ "existed or it ended. Open the playground and try again.");
	}

	@Test
	void readWhenTheCodeIsUnknownOrMalformedShouldAnswer404Or400() {
		assertError(this.mvc.get().uri("/api/v1/rooms/ZZZ-ZZZ").exchange(), HttpStatus.NOT_FOUND,
				"There is no room ZZZ-ZZZ. Check the code your teacher shows; rooms end when the teacher's sandbox ends.");
		assertError(this.mvc.get().uri("/api/v1/rooms/K0F-2QX").exchange(), HttpStatus.BAD_REQUEST,
				"Room codes never contain 0, O, 1 or I: check the code your teacher shows (got \"K0F-2QX\").");
	}

	@Test
	void closeShouldBeTheTeachersAndEndTheRoomForGood() {
		Sandbox teacher = this.sandboxes.createFromPreset(null, 1L);
		Sandbox student = this.sandboxes.createFromPreset(null, 2L);
		String code = JsonPath.read(body(this.mvc.post().uri("/api/v1/rooms?sandbox=" + teacher.id()).exchange()),
				"$.code");
		assertThat(this.mvc.delete().uri("/api/v1/rooms/" + code + "?sandbox=" + student.id()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.delete().uri("/api/v1/rooms/" + code + "?sandbox=" + teacher.id()))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertError(this.mvc.get().uri("/api/v1/rooms/" + code).exchange(), HttpStatus.GONE,
				"This room has ended: the teacher closed it (room " + code.substring(0, 3) + "-" + code.substring(3)
						+ ").");
	}

	@Test
	void roomPageShouldWatchTheRoomsTopicsWithoutTheSandboxIdOrControls() {
		Sandbox sandbox = this.sandboxes.createFromPreset("uneven-3-1-0", 1L);
		RoomCode code = open(sandbox);
		MvcTestResult page = this.mvc.get().uri("/rooms/" + code.display().toLowerCase()).exchange();
		assertThat(page).hasStatusOk();
		assertThat(body(page)).contains("data-events-topic=\"/topic/rooms/" + code.value() + "/events\"")
			.contains("data-snapshot-destination=\"/app/rooms/" + code.value() + "/snapshot\"")
			.contains("data-snapshot-url=\"/api/v1/rooms/" + code.value() + "/snapshot\"")
			.contains("data-room-code=\"" + code.value() + "\"")
			.contains(">" + code.display() + "<")
			.contains("Uneven pods 3/1/0")
			.contains("href=\"/rooms/" + code.display() + "/fork\"")
			.doesNotContain(sandbox.id())
			.doesNotContain("data-control=\"policy\"")
			.doesNotContain("hx-put")
			.doesNotContain("hx-post");
		assertThat(this.mvc.get().uri("/rooms/" + code.display() + "/projector")).hasStatusOk()
			.bodyText()
			.contains("Join at <strong class=\"mono\">http://localhost/rooms</strong>")
			.contains(code.display())
			.doesNotContain(sandbox.id());
	}

	@Test
	void roomPageWhenTheCodeIsWrongShouldShowTheJoinFormWithTheReason() {
		assertThat(this.mvc.get().uri("/rooms/ZZZ-ZZZ")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("There is no room ZZZ-ZZZ.")
			.contains("name=\"code\"")
			.contains("value=\"ZZZ-ZZZ\"");
		assertThat(this.mvc.get().uri("/rooms/K7F2Q")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("A room code has 6 letters and digits");
		assertThat(this.mvc.get().uri("/rooms/ZZZ-ZZZ/projector")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/rooms/ZZZ-ZZZ/fork")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void roomPageWhenTheRoomHasEndedShouldSaySo() {
		Sandbox sandbox = this.sandboxes.createFromPreset(null, 1L);
		RoomCode code = open(sandbox);
		assertThat(this.mvc.delete().uri("/api/v1/sandboxes/" + sandbox.id())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.get().uri("/rooms/" + code.display())).hasStatus(HttpStatus.GONE)
			.bodyText()
			.contains("This room has ended.")
			.contains("This room has ended: the teacher&#39;s sandbox ended");
	}

	@Test
	void joinFormShouldSendAGoodCodeToItsRoomAndABadOneBackWithTheReason() {
		RoomCode code = open(this.sandboxes.createFromPreset(null, 1L));
		assertThat(this.mvc.get().uri("/rooms")).hasStatusOk().bodyText().contains("Join a classroom room");
		assertThat(this.mvc.get().uri("/rooms?code=" + code.value().toLowerCase())).hasStatus(HttpStatus.SEE_OTHER)
			.headers()
			.hasValue(HttpHeaders.LOCATION, "/rooms/" + code.display());
		assertThat(this.mvc.get().uri("/rooms?code=12")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("A room code has 6 letters and digits, like K7F-2QX (got &quot;12&quot;, which has 2).");
	}

	@Test
	void newRoomShouldSendTheTeacherToAPlaygroundThatOpensOne() {
		assertThat(this.mvc.get().uri("/rooms/new")).hasStatus(HttpStatus.SEE_OTHER)
			.headers()
			.hasValue(HttpHeaders.LOCATION, "/?classroom=open");
		assertThat(this.mvc.get().uri("/rooms/new?preset=uneven-3-1-0")).hasStatus(HttpStatus.SEE_OTHER)
			.headers()
			.hasValue(HttpHeaders.LOCATION, "/?preset=uneven-3-1-0&classroom=open");
	}

	@Test
	void forkShouldRedirectToAPlaygroundInTheTeachersCurrentState() {
		Sandbox teacher = this.sandboxes.createFromPreset("uneven-3-1-0", 1L);
		assertThat(this.mvc.put()
			.uri("/api/v1/sandboxes/" + teacher.id() + "/service/external-traffic-policy?value=Cluster"))
			.hasStatus(HttpStatus.NO_CONTENT);
		RoomCode code = open(teacher);
		for (MvcTestResult fork : new MvcTestResult[] {
				this.mvc.get().uri("/rooms/" + code.display() + "/fork").exchange(),
				this.mvc.post().uri("/rooms/" + code.display() + "/fork").exchange() }) {
			assertThat(fork).hasStatus(HttpStatus.SEE_OTHER);
			String location = fork.getResponse().getHeader(HttpHeaders.LOCATION);
			assertThat(location).startsWith("/?s=");
			MvcTestResult created = this.mvc.post().uri("/api/v1/sandboxes" + location.substring(1)).exchange();
			assertThat(created).hasStatus(HttpStatus.CREATED);
			Sandbox own = this.sandboxes.find(JsonPath.read(body(created), "$.id")).orElseThrow();
			assertThat(own.id()).isNotEqualTo(teacher.id());
			assertThat(own.manifests()).isEqualTo(teacher.manifests()).contains("externalTrafficPolicy: Cluster");
		}
	}

	private RoomCode open(Sandbox sandbox) {
		MvcTestResult result = this.mvc.post().uri("/api/v1/rooms?sandbox=" + sandbox.id()).exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return new RoomCode(JsonPath.read(body(result), "$.code"));
	}

}
