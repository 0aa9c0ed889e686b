package io.trafficlab.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.AbstractStringAssert;
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
import static io.trafficlab.sandbox.SandboxApi.snapshot;
import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SandboxClockController}, {@link SandboxClusterController} and
 * {@link SandboxServiceController}: each command's effect shows in the snapshot, and each
 * kind of refusal has its status and message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxCommandsTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void pauseAndResumeShouldStopAndRestartTheClock() {
		String id = create(this.mvc, "two-pods-three-nodes");
		command(this.mvc.post(), id, "/pause");
		assertThat(JsonPath.<Boolean>read(snapshot(this.mvc, id), "$.paused")).isTrue();
		long now = now(id);
		pause(Duration.ofMillis(200));
		assertThat(now(id)).isEqualTo(now);
		command(this.mvc.post(), id, "/resume");
		assertThat(JsonPath.<Boolean>read(snapshot(this.mvc, id), "$.paused")).isFalse();
		awaitSnapshot(id, (snapshot) -> JsonPath.<Number>read(snapshot, "$.simulation.now").longValue() > now);
	}

	@Test
	void stepWhenPausedShouldProcessOneEventOnTheNextTick() {
		String id = create(this.mvc, "two-pods-three-nodes");
		command(this.mvc.post(), id, "/pause");
		long seq = JsonPath.<Number>read(snapshot(this.mvc, id), "$.seq").longValue();
		long now = now(id);
		assertThat(this.mvc.post().uri("/api/v1/sandboxes/" + id + "/step")).hasStatus(HttpStatus.ACCEPTED);
		String stepped = awaitSnapshot(id,
				(snapshot) -> JsonPath.<Number>read(snapshot, "$.simulation.now").longValue() > now);
		assertThat(JsonPath.<Boolean>read(stepped, "$.paused")).isTrue();
		assertThat(JsonPath.<Number>read(stepped, "$.seq").longValue()).isGreaterThanOrEqualTo(seq);
	}

	@Test
	void stepWhenCountOutOfRangeShouldAnswer400NamingIt() {
		String id = create(this.mvc, "empty");
		assertRefusedCommand(this.mvc.post(), id, "/step?count=500", HttpStatus.BAD_REQUEST)
			.startsWith("Query parameter 'count' must be between 1 and 100");
	}

	@Test
	void speedShouldBeKeptAndRefusedOutsideItsRange() {
		String id = create(this.mvc, "empty");
		command(this.mvc.put(), id, "/speed?factor=5");
		assertThat(JsonPath.<Double>read(snapshot(this.mvc, id), "$.speed")).isEqualTo(5.0);
		assertRefusedCommand(this.mvc.put(), id, "/speed?factor=51", HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'factor' must be between 0.1 and 50 (got 51.0).");
		assertRefusedCommand(this.mvc.put(), id, "/speed", HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'factor' is required.");
	}

	@Test
	void speedWhenSentAsAFormBodyLikeHtmxShouldWork() {
		String id = create(this.mvc, "empty");
		assertThat(this.mvc.put()
			.uri("/api/v1/sandboxes/" + id + "/speed")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("factor=20")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(JsonPath.<Double>read(snapshot(this.mvc, id), "$.speed")).isEqualTo(20.0);
	}

	@Test
	void resetShouldStartOverAsANewGeneration() {
		String id = create(this.mvc, "two-pods-three-nodes");
		awaitSnapshot(id, (snapshot) -> JsonPath.<Number>read(snapshot, "$.simulation.now").longValue() > 0);
		command(this.mvc.post(), id, "/pause");
		command(this.mvc.post(), id, "/reset");
		String snapshot = snapshot(this.mvc, id);
		assertThat(JsonPath.<Integer>read(snapshot, "$.generation")).isEqualTo(1);
		assertThat(JsonPath.<Number>read(snapshot, "$.simulation.now").longValue()).isZero();
	}

	@Test
	void cordonAndUncordonShouldMarkTheNode() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.post(), id, "/nodes/n3/cordon");
		assertThat(nodeField(snapshot(this.mvc, id), "n3", "cordoned")).containsExactly(true);
		command(this.mvc.post(), id, "/nodes/n3/uncordon");
		assertThat(nodeField(snapshot(this.mvc, id), "n3", "cordoned")).containsExactly(false);
	}

	@Test
	void drainShouldCordonTheNodeAndTerminateItsPods() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.post(), id, "/nodes/n2/drain");
		String snapshot = snapshot(this.mvc, id);
		assertThat(nodeField(snapshot, "n2", "cordoned")).containsExactly(true);
		assertThat(podField(snapshot, "web-4", "status")).containsExactly("terminating");
	}

	@Test
	void killShouldMarkTheNodeGone() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.post(), id, "/nodes/n1/kill");
		assertThat(nodeField(snapshot(this.mvc, id), "n1", "gone")).containsExactly(true);
	}

	@Test
	void addNodeShouldAddANodeAndRemoveNodeShouldStartTakingItOut() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.post(), id, "/nodes?name=n4");
		assertThat(JsonPath.<List<String>>read(snapshot(this.mvc, id), "$.simulation.nodes[*].name")).contains("n4");
		command(this.mvc.delete(), id, "/nodes/n2");
		assertThat(nodeField(snapshot(this.mvc, id), "n2", "cordoned")).containsExactly(true);
	}

	@Test
	void deletePodShouldStartItsTermination() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.delete(), id, "/pods/web-1");
		assertThat(podField(snapshot(this.mvc, id), "web-1", "status")).containsExactly("terminating");
	}

	@Test
	void movePodShouldTerminateItAndStartAReplacementOnTheTargetNode() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.post(), id, "/pods/web-4/move?node=n3");
		String snapshot = snapshot(this.mvc, id);
		assertThat(podField(snapshot, "web-4", "status")).containsExactly("terminating");
		assertThat(JsonPath.<List<String>>read(snapshot, "$.simulation.pods[?(@.status != 'terminating')].node"))
			.contains("n3");
	}

	@Test
	void commandWhenPodUnknownShouldAnswer400WithTheSimulationsMessage() {
		String id = pausedSandbox("uneven-3-1-0");
		assertRefusedCommand(this.mvc.delete(), id, "/pods/nope", HttpStatus.BAD_REQUEST).contains("nope");
	}

	@Test
	void addNodeWhenNameInvalidShouldAnswer422InTheApiServersWords() {
		String id = pausedSandbox("uneven-3-1-0");
		assertRefusedCommand(this.mvc.post(), id, "/nodes?name=Node_4", HttpStatus.UNPROCESSABLE_CONTENT)
			.startsWith("Node \"Node_4\" is invalid: metadata.name: Invalid value: \"Node_4\": a lowercase RFC 1123 "
					+ "subdomain must consist of");
	}

	@Test
	void moveWhenNodeMissingShouldAnswer400NamingTheParameter() {
		String id = pausedSandbox("uneven-3-1-0");
		assertRefusedCommand(this.mvc.post(), id, "/pods/web-1/move", HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'node' is required.");
	}

	@Test
	void replicasShouldScaleTheDeploymentOfTheEmptyPresetAndPlaceOnePodPerNode() {
		String id = pausedSandbox("empty");
		assertThat(JsonPath.<List<String>>read(snapshot(this.mvc, id), "$.simulation.pods[*].name")).isEmpty();
		command(this.mvc.post(), id, "/replicas?count=3");
		assertThat(JsonPath.<List<String>>read(snapshot(this.mvc, id), "$.simulation.pods[*].node"))
			.containsExactlyInAnyOrder("n1", "n2", "n3");
	}

	@Test
	void deletePodOfADeploymentShouldStartAReplacement() {
		String id = pausedSandbox("two-pods-three-nodes");
		List<String> before = JsonPath.read(snapshot(this.mvc, id), "$.simulation.pods[*].name");
		command(this.mvc.delete(), id, "/pods/" + before.get(0));
		List<String> after = JsonPath.read(snapshot(this.mvc, id),
				"$.simulation.pods[?(@.status != 'terminating')].name");
		assertThat(after).hasSize(2).doesNotContain(before.get(0));
	}

	@Test
	void rolloutRestartShouldStartANewReplicaSetBesideTheOldPods() {
		String id = pausedSandbox("two-pods-three-nodes");
		List<String> before = JsonPath.read(snapshot(this.mvc, id), "$.simulation.pods[*].name");
		command(this.mvc.post(), id, "/rollout/restart");
		List<String> after = JsonPath.read(snapshot(this.mvc, id), "$.simulation.pods[*].name");
		// maxSurge 25 % of 2 rounds up to 1, maxUnavailable down to 0: one new pod, both
		// old ones stay until it is Ready
		assertThat(after).hasSize(3).containsAll(before);
		String created = after.stream().filter((name) -> !before.contains(name)).findFirst().orElseThrow();
		assertThat(created.substring(0, created.lastIndexOf('-')))
			.isNotEqualTo(before.get(0).substring(0, before.get(0).lastIndexOf('-')));
	}

	@Test
	void rolloutRestartWithoutADeploymentShouldAnswer400() {
		String id = pausedSandbox("uneven-3-1-0");
		assertRefusedCommand(this.mvc.post(), id, "/rollout/restart", HttpStatus.BAD_REQUEST)
			.isEqualTo("No Deployment backs Service default/web; the sandbox rolls out Deployments only.");
	}

	@Test
	void replicasWhenCountIsNotANumberOrTooLargeShouldAnswer400() {
		String id = pausedSandbox("two-pods-three-nodes");
		assertRefusedCommand(this.mvc.post(), id, "/replicas?count=many", HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'count' must be a whole number (got \"many\").");
		assertRefusedCommand(this.mvc.post(), id, "/replicas?count=201", HttpStatus.BAD_REQUEST)
			.contains("a sandbox holds at most 200 pods");
	}

	@Test
	void externalTrafficPolicyShouldUpdateTheService() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.put(), id, "/service/external-traffic-policy?value=Cluster");
		String snapshot = snapshot(this.mvc, id);
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.externalTrafficPolicy")).isEqualTo("Cluster");
		assertThat(JsonPath.<Integer>read(snapshot, "$.simulation.service.healthCheckNodePort")).isZero();
	}

	@Test
	void externalTrafficPolicyWhenValueUnknownShouldAnswer400ListingTheValues() {
		String id = pausedSandbox("uneven-3-1-0");
		assertRefusedCommand(this.mvc.put(), id, "/service/external-traffic-policy?value=local", HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'value' must be one of: Cluster, Local (got \"local\").");
	}

	@Test
	void internalTrafficPolicyAndSessionAffinityShouldUpdateTheService() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.put(), id, "/service/internal-traffic-policy?value=Local");
		command(this.mvc.put(), id, "/service/session-affinity?value=ClientIP");
		String snapshot = snapshot(this.mvc, id);
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.internalTrafficPolicy")).isEqualTo("Local");
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.sessionAffinity")).isEqualTo("ClientIP");
	}

	@Test
	void loadBalancerShouldChangeTheModel() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.put(), id, "/load-balancer?model=weighted");
		assertThat(JsonPath.<String>read(snapshot(this.mvc, id), "$.simulation.loadBalancer")).isEqualTo("weighted");
		assertRefusedCommand(this.mvc.put(), id, "/load-balancer?model=random", HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'model' must be one of: even, weighted (got \"random\").");
	}

	@Test
	void clientRateShouldChangeTheRateWithinTheLimit() {
		String id = pausedSandbox("uneven-3-1-0");
		command(this.mvc.put(), id, "/client-rate?perSecond=12.5");
		assertThat(JsonPath.<Double>read(snapshot(this.mvc, id), "$.simulation.connectionsPerSecond")).isEqualTo(12.5);
		assertRefusedCommand(this.mvc.put(), id, "/client-rate?perSecond=-1", HttpStatus.BAD_REQUEST)
			.isEqualTo("Query parameter 'perSecond' must be between 0 and 200 new connections per second (got -1).");
	}

	@Test
	void commandWhenSandboxUnknownShouldAnswer404EvenWithBadParameters() {
		assertRefused(this.mvc.put().uri("/api/v1/sandboxes/AAAAAAAAAAAAAAAAAAAAAA/client-rate?perSecond=99999"),
				HttpStatus.NOT_FOUND)
			.startsWith("There is no sandbox");
	}

	private String pausedSandbox(String preset) {
		String id = create(this.mvc, preset);
		command(this.mvc.post(), id, "/pause");
		return id;
	}

	private void command(MockMvcTester.MockMvcRequestBuilder request, String id, String path) {
		MvcTestResult result = request.uri("/api/v1/sandboxes/" + id + path).exchange();
		assertThat(result).as(path + ": " + body(result)).hasStatus(HttpStatus.NO_CONTENT);
	}

	/** The command is refused with {@code status}: an assertion on its first error. */
	private static AbstractStringAssert<?> assertRefusedCommand(MockMvcTester.MockMvcRequestBuilder request, String id,
			String path, HttpStatus status) {
		return assertRefused(request.uri("/api/v1/sandboxes/" + id + path), status);
	}

	private long now(String id) {
		return JsonPath.<Number>read(snapshot(this.mvc, id), "$.simulation.now").longValue();
	}

	/**
	 * The ticker moves the clock: wait up to 5 s for a snapshot that satisfies the
	 * condition.
	 */
	private String awaitSnapshot(String id, Predicate<String> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		String snapshot = snapshot(this.mvc, id);
		while (!condition.test(snapshot) && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(20));
			snapshot = snapshot(this.mvc, id);
		}
		assertThat(condition).as("snapshot condition within 5 s").accepts(snapshot);
		return snapshot;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One field of the snapshot's node named {@code name}, as a one-element list. */
	private static List<Object> nodeField(String snapshot, String name, String field) {
		return JsonPath.read(snapshot, "$.simulation.nodes[?(@.name == '" + name + "')]." + field);
	}

	/** One field of the snapshot's pod named {@code name}, as a one-element list. */
	private static List<Object> podField(String snapshot, String name, String field) {
		return JsonPath.read(snapshot, "$.simulation.pods[?(@.name == '" + name + "')]." + field);
	}

}
