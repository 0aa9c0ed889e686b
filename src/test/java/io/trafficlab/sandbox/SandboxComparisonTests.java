package io.trafficlab.sandbox;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.create;
import static io.trafficlab.sandbox.SandboxApi.snapshot;
import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxComparisonController}: compare mode as one server-side pair,
 * the same cluster and seed under Cluster and Local, every command applied to both.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxComparisonTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void startShouldCreateTheLocalSideFromTheSameSourceAndSeedAndResetBoth() {
		String left = create(this.mvc, "uneven-3-1-0");
		send(this.mvc.post(), left, "/pause");
		send(this.mvc.put(), left, "/speed?factor=5");
		MvcTestResult started = this.mvc.post().uri(api(left) + "/comparison").exchange();
		assertThat(started).hasStatus(HttpStatus.CREATED);
		String right = JsonPath.read(body(started), "$.id");
		assertThat(right).isNotEqualTo(left);
		assertThat(started.getResponse().getHeader("Location")).isEqualTo(api(right) + "/snapshot");
		String outcome = SandboxCommandOutcomeTests.outcome(started);
		assertThat(JsonPath.<String>read(outcome, "$.command")).isEqualTo("startComparison");
		assertThat(JsonPath.<String>read(outcome, "$.comparedWith")).isEqualTo(right);

		String leftSnapshot = snapshot(this.mvc, left);
		String rightSnapshot = snapshot(this.mvc, right);
		assertThat(policy(leftSnapshot)).isEqualToIgnoringCase("Cluster");
		assertThat(policy(rightSnapshot)).isEqualToIgnoringCase("Local");
		for (String snapshot : List.of(leftSnapshot, rightSnapshot)) {
			assertThat(JsonPath.<Number>read(snapshot, "$.simulation.settings.seed").longValue()).isEqualTo(1);
			assertThat(JsonPath.<Number>read(snapshot, "$.simulation.now").longValue()).isZero();
			assertThat(JsonPath.<Boolean>read(snapshot, "$.paused")).isTrue();
			assertThat(JsonPath.<Double>read(snapshot, "$.speed")).isEqualTo(5.0);
			assertThat(JsonPath.<String>read(snapshot, "$.preset")).isEqualTo("uneven-3-1-0");
		}
		assertThat(JsonPath.<Integer>read(leftSnapshot, "$.generation")).isEqualTo(1);
	}

	@Test
	void aCommandToEitherSideShouldApplyToBoth() {
		String left = create(this.mvc, "uneven-3-1-0");
		String right = compare(left);
		send(this.mvc.post(), left, "/pause");
		send(this.mvc.post(), left, "/pods/web-1/move?node=n3");
		send(this.mvc.post(), right, "/nodes/n2/cordon");
		for (String id : List.of(left, right)) {
			String snapshot = snapshot(this.mvc, id);
			assertThat(JsonPath.<Boolean>read(snapshot, "$.paused")).isTrue();
			assertThat(JsonPath.<List<String>>read(snapshot, "$.simulation.pods[?(@.name == 'web-1')].status"))
				.containsExactly("terminating");
			assertThat(JsonPath.<List<Boolean>>read(snapshot, "$.simulation.nodes[?(@.name == 'n2')].cordoned"))
				.containsExactly(true);
		}
		assertThat(JsonPath.<Number>read(snapshot(this.mvc, left), "$.simulation.now").longValue())
			.isEqualTo(JsonPath.<Number>read(snapshot(this.mvc, right), "$.simulation.now").longValue());
	}

	@Test
	void thePolicyShouldBeRefusedWithOneClearErrorAndChangeNeitherSide() {
		String left = create(this.mvc, "uneven-3-1-0");
		String right = compare(left);
		MvcTestResult refused = this.mvc.put()
			.uri(api(left) + "/service/external-traffic-policy?value=Local")
			.exchange();
		assertRefused(refused, HttpStatus.CONFLICT).contains("the left side runs Cluster and the right side Local");
		assertThat(refused.getResponse().getHeader(SandboxCommands.HEADER)).isNull();
		assertThat(policy(snapshot(this.mvc, left))).isEqualToIgnoringCase("Cluster");
		assertThat(policy(snapshot(this.mvc, right))).isEqualToIgnoringCase("Local");
	}

	@Test
	void resetAndPresetsShouldStartBothSidesOverWithTheirPolicies() {
		String left = create(this.mvc, "uneven-3-1-0");
		String right = compare(left);
		send(this.mvc.post(), left, "/pause");
		send(this.mvc.post(), left, "/reset");
		assertThat(policy(snapshot(this.mvc, left))).isEqualToIgnoringCase("Cluster");
		assertThat(policy(snapshot(this.mvc, right))).isEqualToIgnoringCase("Local");
		assertThat(JsonPath.<Integer>read(snapshot(this.mvc, right), "$.generation")).isEqualTo(2);
		send(this.mvc.post(), left, "/preset?name=six-replicas-spread");
		String leftSnapshot = snapshot(this.mvc, left);
		String rightSnapshot = snapshot(this.mvc, right);
		assertThat(JsonPath.<String>read(rightSnapshot, "$.preset")).isEqualTo("six-replicas-spread");
		assertThat(JsonPath.<Number>read(rightSnapshot, "$.simulation.settings.seed").longValue())
			.isEqualTo(JsonPath.<Number>read(leftSnapshot, "$.simulation.settings.seed").longValue());
		assertThat(JsonPath.<List<String>>read(rightSnapshot, "$.simulation.pods[*].name"))
			.isEqualTo(JsonPath.<List<String>>read(leftSnapshot, "$.simulation.pods[*].name"));
		assertThat(policy(leftSnapshot)).isEqualToIgnoringCase("Cluster");
		assertThat(policy(rightSnapshot)).isEqualToIgnoringCase("Local");
	}

	@Test
	void stopShouldEndTheLocalSideAndLeaveTheFirstAlone() {
		String left = create(this.mvc, "uneven-3-1-0");
		String right = compare(left);
		MvcTestResult stopped = this.mvc.delete().uri(api(left) + "/comparison").exchange();
		assertThat(stopped).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(JsonPath.<String>read(SandboxCommandOutcomeTests.outcome(stopped), "$.command"))
			.isEqualTo("stopComparison");
		assertThat(this.mvc.get().uri(api(right) + "/snapshot")).hasStatus(HttpStatus.NOT_FOUND);
		send(this.mvc.put(), left, "/service/external-traffic-policy?value=Local");
		assertThat(policy(snapshot(this.mvc, left))).isEqualToIgnoringCase("Local");
		assertThat(this.mvc.delete().uri(api(left) + "/comparison")).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void endingTheFirstSandboxShouldEndTheLocalSideToo() {
		String left = create(this.mvc, "uneven-3-1-0");
		String right = compare(left);
		assertThat(this.mvc.delete().uri(api(left))).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.get().uri(api(right) + "/snapshot")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void startingTwiceShouldBeRefused() {
		String left = create(this.mvc, "uneven-3-1-0");
		String right = compare(left);
		assertThat(this.mvc.post().uri(api(left) + "/comparison")).hasStatus(HttpStatus.CONFLICT);
		assertThat(this.mvc.post().uri(api(right) + "/comparison")).hasStatus(HttpStatus.CONFLICT);
	}

	private String compare(String left) {
		MvcTestResult started = this.mvc.post().uri(api(left) + "/comparison").exchange();
		assertThat(started).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(body(started), "$.id");
	}

	/** The snapshot's spelling is the engine's ({@code CLUSTER}) for now. */
	private static String policy(String snapshot) {
		return JsonPath.read(snapshot, "$.simulation.service.externalTrafficPolicy");
	}

	private void send(MockMvcTester.MockMvcRequestBuilder request, String id, String path) {
		MvcTestResult result = request.uri(api(id) + path).exchange();
		assertThat(result.getResponse().getStatus()).as(path + ": " + body(result)).isBetween(200, 299);
	}

	private static String api(String id) {
		return "/api/v1/sandboxes/" + id;
	}

}
