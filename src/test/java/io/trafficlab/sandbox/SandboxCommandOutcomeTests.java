package io.trafficlab.sandbox;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.engine.simulation.SimulationCommand;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.create;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxCommands}: every command's answer names the command and
 * describes the sandbox after it in its {@code HX-Trigger} header, and the permalink says
 * whether the sandbox changed since it started.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxCommandOutcomeTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Test
	void everyCommandShouldAnswerWithItsIdAndACountedRevision() {
		String id = create(this.mvc, "uneven-3-1-0");
		List<Sent> commands = List.of(new Sent(this.mvc.post(), "/pause", "pause"),
				new Sent(this.mvc.post(), "/resume", "resume"), new Sent(this.mvc.post(), "/step", "step"),
				new Sent(this.mvc.put(), "/speed?factor=2", "setSpeed"),
				new Sent(this.mvc.post(), "/statistics/reset", "resetStatistics"),
				new Sent(this.mvc.post(), "/pods/web-1/move?node=n3", "movePod"),
				new Sent(this.mvc.delete(), "/pods/web-2", "deletePod"),
				new Sent(this.mvc.post(), "/nodes?name=n4", "addNode"),
				new Sent(this.mvc.post(), "/nodes/n4/cordon", "cordon"),
				new Sent(this.mvc.post(), "/nodes/n4/uncordon", "uncordon"),
				new Sent(this.mvc.post(), "/nodes/n4/drain", "drain"),
				new Sent(this.mvc.delete(), "/nodes/n4", "removeNode"),
				new Sent(this.mvc.post(), "/nodes/n3/kill", "killNode"),
				new Sent(this.mvc.put(), "/service/external-traffic-policy?value=Cluster", "setExternalTrafficPolicy"),
				new Sent(this.mvc.put(), "/service/internal-traffic-policy?value=Local", "setInternalTrafficPolicy"),
				new Sent(this.mvc.put(), "/service/session-affinity?value=ClientIP", "setSessionAffinity"),
				new Sent(this.mvc.put(), "/load-balancer?model=weighted", "setLoadBalancerModel"),
				new Sent(this.mvc.put(), "/client-rate?perSecond=20", "setClientRate"),
				new Sent(this.mvc.post(), "/reset", "reset"));
		long revision = 0;
		for (Sent sent : commands) {
			MvcTestResult result = sent.request().uri("/api/v1/sandboxes/" + id + sent.path()).exchange();
			assertThat(result.getResponse().getStatus()).as(sent.path()).isBetween(200, 299);
			String outcome = outcome(result);
			assertThat(JsonPath.<String>read(outcome, "$.command")).as(sent.path()).isEqualTo(sent.command());
			assertThat(JsonPath.<String>read(outcome, "$.sandbox")).isEqualTo(id);
			long next = JsonPath.<Number>read(outcome, "$.revision").longValue();
			assertThat(next).as(sent.path()).isEqualTo(revision + 1);
			revision = next;
		}
	}

	@Test
	void commandsShouldTellTheClockAndGenerationAfterThem() {
		String id = create(this.mvc, "uneven-3-1-0");
		String paused = outcome(send(this.mvc.post(), id, "/pause"));
		assertThat(JsonPath.<Boolean>read(paused, "$.paused")).isTrue();
		assertThat(JsonPath.<Number>read(paused, "$.generation").longValue()).isZero();
		assertThat(JsonPath.<String>read(paused, "$.preset")).isEqualTo("uneven-3-1-0");
		assertThat(JsonPath.<Object>read(paused, "$.comparedWith")).isNull();
		// where the clock stood still: a batch up to this time was ticked before the
		// pause
		assertThat(JsonPath.<Number>read(paused, "$.simTime").longValue())
			.isEqualTo(this.registry.get(id).snapshot().simulation().now());
		String faster = outcome(send(this.mvc.put(), id, "/speed?factor=5"));
		assertThat(JsonPath.<Double>read(faster, "$.speed")).isEqualTo(5.0);
		String reset = outcome(send(this.mvc.post(), id, "/reset"));
		assertThat(JsonPath.<Number>read(reset, "$.generation").longValue()).isEqualTo(1);
		assertThat(JsonPath.<Boolean>read(reset, "$.paused")).isTrue();
		String preset = outcome(send(this.mvc.post(), id, "/preset?name=empty"));
		assertThat(JsonPath.<String>read(preset, "$.command")).isEqualTo("switchPreset");
		assertThat(JsonPath.<String>read(preset, "$.preset")).isEqualTo("empty");
		assertThat(JsonPath.<Number>read(preset, "$.generation").longValue()).isEqualTo(2);
		MvcTestResult applied = this.mvc.post()
			.uri("/api/v1/sandboxes/" + id + "/manifests")
			.contentType(MediaType.parseMediaType("application/yaml"))
			.content(this.registry.get(id).manifests())
			.exchange();
		assertThat(applied).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(JsonPath.<String>read(outcome(applied), "$.command")).isEqualTo("applyManifests");
		assertThat(JsonPath.<Object>read(outcome(applied), "$.preset")).isNull();
	}

	@Test
	void refusedCommandShouldCarryNoOutcomeAndNotCount() {
		String id = create(this.mvc, "uneven-3-1-0");
		MvcTestResult refused = this.mvc.post().uri("/api/v1/sandboxes/" + id + "/pods/nope/move?node=n3").exchange();
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(refused.getResponse().getHeader(SandboxCommands.HEADER)).isNull();
		assertThat(changedSinceStart(id)).isFalse();
		assertThat(JsonPath.<Number>read(outcome(send(this.mvc.post(), id, "/pause")), "$.revision").longValue())
			.isEqualTo(1);
	}

	@Test
	void permalinkShouldSayWhetherACommandChangedTheSandboxSinceItStarted() {
		String id = create(this.mvc, "uneven-3-1-0");
		assertThat(changedSinceStart(id)).isFalse();
		this.mvc.get().uri("/api/v1/sandboxes/" + id + "/snapshot").exchange();
		assertThat(changedSinceStart(id)).isFalse();
		send(this.mvc.put(), id, "/load-balancer?model=weighted");
		assertThat(changedSinceStart(id)).isTrue();
	}

	@Test
	void changesTheServerMakesShouldNotCountAsChangesSinceTheStart() {
		// a lesson step sets its sandbox up, and applies a question's reveal, directly
		Sandbox sandbox = this.registry.createFromPreset("uneven-3-1-0", 1L);
		sandbox.pause();
		sandbox.apply(new SimulationCommand.MovePod("web-1", "n3"));
		assertThat(changedSinceStart(sandbox.id())).isFalse();
	}

	private boolean changedSinceStart(String id) {
		MvcTestResult result = this.mvc.get().uri("/api/v1/sandboxes/" + id + "/permalink").exchange();
		assertThat(result).hasStatusOk();
		return JsonPath.read(body(result), "$.changedSinceStart");
	}

	private MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, String id, String path) {
		MvcTestResult result = request.uri("/api/v1/sandboxes/" + id + path).exchange();
		assertThat(result.getResponse().getStatus()).as(path + ": " + body(result)).isBetween(200, 299);
		return result;
	}

	/** The outcome in the answer's HX-Trigger header. */
	static String outcome(MvcTestResult result) {
		String header = result.getResponse().getHeader(SandboxCommands.HEADER);
		assertThat(header).as("HX-Trigger").isNotNull();
		Object outcome = JsonPath.read(header, "$['" + SandboxCommands.EVENT + "']");
		return JsonPath.parse(outcome).jsonString();
	}

	private record Sent(MockMvcTester.MockMvcRequestBuilder request, String path, String command) {

	}

}
