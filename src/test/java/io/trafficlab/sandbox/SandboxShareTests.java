package io.trafficlab.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

import com.jayway.jsonpath.JsonPath;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.simulation.SimulationSettings;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.trafficlab.sandbox.SandboxApi.body;
import static io.trafficlab.sandbox.SandboxApi.createAt;
import static io.trafficlab.sandbox.SandboxApi.createFrom;
import static io.trafficlab.system.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permalinks and the YAML export: state, link, a new sandbox in the same state; broken
 * links are clear 400s.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SandboxShareTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SandboxRegistry registry;

	@Test
	void permalinkShouldStartANewSandboxWithTheSameClusterPolicyAndSettings() {
		String id = createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0&seed=42");
		String api = "/api/v1/sandboxes/" + id;
		assertThat(this.mvc.post().uri(api + "/pause")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.put().uri(api + "/service/external-traffic-policy?value=Cluster"))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.post().uri(api + "/pods/web-1/move?node=n3")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.put().uri(api + "/load-balancer?model=weighted")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.put().uri(api + "/client-rate?perSecond=20")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.put().uri(api + "/speed?factor=2")).hasStatus(HttpStatus.NO_CONTENT);
		String before = this.registry.get(id).manifests();

		MvcTestResult permalink = this.mvc.get().uri(api + "/permalink").exchange();
		assertThat(permalink).hasStatusOk();
		String url = JsonPath.read(body(permalink), "$.url");
		assertThat(url).startsWith("http://localhost/?s=");
		String link = url.substring(url.indexOf("?s=") + 3);

		String copy = createAt(this.mvc, "/api/v1/sandboxes?s=" + link);
		assertThat(declaration(this.registry.get(copy).manifests())).isEqualTo(declaration(before));
		String snapshot = body(this.mvc.get().uri("/api/v1/sandboxes/" + copy + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.service.externalTrafficPolicy"))
			.isEqualToIgnoringCase("Cluster");
		assertThat(JsonPath.<Number>read(snapshot, "$.simulation.settings.seed").longValue()).isEqualTo(42);
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancer")).isEqualToIgnoringCase("weighted");
		assertThat(JsonPath.<Number>read(snapshot, "$.simulation.connectionsPerSecond").doubleValue()).isEqualTo(20);
		assertThat(JsonPath.<Number>read(snapshot, "$.speed").doubleValue()).isEqualTo(2);
		assertThat(placement(snapshot))
			.isEqualTo(placement(body(this.mvc.get().uri("/api/v1/sandboxes/" + id + "/snapshot").exchange())));
		assertThat(placement(snapshot)).containsEntry("web-2", "n1");
	}

	@Test
	void playgroundShouldOpenAPermalink() {
		String id = createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		String url = JsonPath.read(body(this.mvc.get().uri("/api/v1/sandboxes/" + id + "/permalink").exchange()),
				"$.url");
		MvcTestResult page = this.mvc.get().uri(url.substring("http://localhost".length())).exchange();
		assertThat(page).hasStatusOk();
		assertThat(body(page)).contains("id=\"playground\"").contains("Shared sandbox");
	}

	@Test
	void garbageLinkShouldBeAClear400OnThePageAndInTheApi() {
		MvcTestResult page = this.mvc.get().uri("/?s=not*a*link").exchange();
		assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(page)).contains("This Traffic Lab link is broken: it is not base64url")
			.doesNotContain("id=\"playground\"");
		String notDeflated = Base64.getUrlEncoder().withoutPadding().encodeToString("hello".getBytes());
		assertRefused(this.mvc.post().uri("/api/v1/sandboxes?s=" + notDeflated), HttpStatus.BAD_REQUEST)
			.startsWith("This Traffic Lab link is broken: it ");
		String notASandbox = PermalinkCodec.encode(new SharedState("kind: [", null, 1, LoadBalancerModel.EVEN, 1, 1));
		assertRefused(this.mvc.post().uri("/api/v1/sandboxes?s=" + notASandbox), HttpStatus.BAD_REQUEST)
			.startsWith("This Traffic Lab link is broken: its manifests do not read");
		String badRate = PermalinkCodec.encode(new SharedState("", null, 1, LoadBalancerModel.EVEN, 1e9, 1));
		assertThat(this.mvc.post().uri("/api/v1/sandboxes?s=" + badRate)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void linkMadeBeforeSpelledValuesShouldStillOpen() {
		// links have always spelled the LB model "even" or "weighted": the same spelling
		String copy = createAt(this.mvc, "/api/v1/sandboxes?s=" + oldLink("weighted"));
		String snapshot = body(this.mvc.get().uri("/api/v1/sandboxes/" + copy + "/snapshot").exchange());
		assertThat(JsonPath.<String>read(snapshot, "$.simulation.loadBalancer")).isEqualTo("weighted");
	}

	@Test
	void linkWithAnUnknownLoadBalancerModelShouldBeAClear400NamingTheModels() {
		assertRefused(this.mvc.post().uri("/api/v1/sandboxes?s=" + oldLink("EVEN")), HttpStatus.BAD_REQUEST)
			.startsWith("This Traffic Lab link is broken: its lb must be one of even, weighted, not \"EVEN\".");
	}

	@Test
	void oversizedLinkShouldBeAClear400() {
		MvcTestResult page = this.mvc.get().uri("/?s=" + "A".repeat(PermalinkCodec.MAX_LINK_CHARS + 1)).exchange();
		assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(page)).contains("characters long, at most " + PermalinkCodec.MAX_LINK_CHARS);
		// A small link that inflates past the limit (a zip bomb) stops at the limit
		String bomb = PermalinkCodec.encode(new SharedState("#".repeat(PermalinkCodec.MAX_INFLATED_BYTES + 10), null, 1,
				LoadBalancerModel.EVEN, 1, 1));
		assertThat(bomb.length()).isLessThan(PermalinkCodec.MAX_LINK_CHARS);
		assertRefused(this.mvc.post().uri("/api/v1/sandboxes?s=" + bomb), HttpStatus.BAD_REQUEST)
			.contains("unpacks to more than 1024 KiB");
	}

	@Test
	void manifestsShouldBeYamlThatReimportsToTheSameCluster() {
		String id = createAt(this.mvc, "/api/v1/sandboxes?preset=six-replicas-spread");
		MvcTestResult result = this.mvc.get().uri("/api/v1/sandboxes/" + id + "/manifests").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/yaml");
		String yaml = body(result);
		assertThat(yaml).contains("kind: Deployment").contains("replicas: 6").contains("nodeName: n");
		String copyId = createFrom(this.mvc, yaml);
		assertThat(declaration(this.registry.get(copyId).manifests())).isEqualTo(declaration(yaml));
	}

	@Test
	void exportedManifestsShouldCarryTheLoadBalancerAndDataplaneIntoTheSandboxTheyCreate() {
		String id = createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0");
		String api = "/api/v1/sandboxes/" + id;
		assertThat(this.mvc.put().uri(api + "/load-balancer/kind?value=metallb-l2")).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(this.mvc.put().uri(api + "/dataplane?value=cilium-dsr")).hasStatus(HttpStatus.NO_CONTENT);
		String yaml = body(this.mvc.get().uri(api + "/manifests").exchange());
		assertThat(yaml).contains("kind: L2Advertisement").contains("bpf-lb-mode: dsr");
		SimulationSettings settings = this.registry.get(createFrom(this.mvc, yaml)).snapshot().simulation().settings();
		assertThat(settings.kind()).isEqualTo(LoadBalancerKind.METALLB_L2);
		assertThat(settings.dataplane()).isEqualTo(Dataplane.CILIUM_DSR);
	}

	@Test
	void everyPresetShouldFitInAShortLink() {
		for (String preset : new String[] { "two-pods-three-nodes", "uneven-3-1-0", "six-replicas-spread",
				"rolling-update-local", "empty" }) {
			String id = createAt(this.mvc, "/api/v1/sandboxes?preset=" + preset);
			String url = JsonPath.read(body(this.mvc.get().uri("/api/v1/sandboxes/" + id + "/permalink").exchange()),
					"$.url");
			// 2,000 characters: the length every browser, chat tool and LMS keeps whole;
			// the
			// links grew past 1,500 when each pod's shutdown (its preStop hook) joined
			// them
			assertThat(url.length()).as(preset).isLessThan(2000);
		}
	}

	@Test
	void unknownSandboxShouldBe404ForPermalinkAndManifests() {
		assertThat(this.mvc.get().uri("/api/v1/sandboxes/nope/permalink")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/v1/sandboxes/nope/manifests")).hasStatus(HttpStatus.NOT_FOUND);
	}

	/**
	 * A link to the uneven-3-1-0 cluster written by hand, as links have always been
	 * written.
	 */
	private String oldLink(String lb) {
		String manifests = this.registry.get(createAt(this.mvc, "/api/v1/sandboxes?preset=uneven-3-1-0")).manifests();
		String json = JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("manifests", manifests, "seed", 3, "lb", lb, "rate", 5.0, "speed", 1.0));
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
		deflater.finish();
		byte[] buffer = new byte[65536];
		int length = deflater.deflate(buffer);
		deflater.end();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(buffer, length));
	}

	private static Map<String, String> placement(String snapshot) {
		List<Map<String, Object>> pods = JsonPath.read(snapshot, "$.simulation.pods");
		Map<String, String> placement = new TreeMap<>();
		pods.forEach((pod) -> placement.put(String.valueOf(pod.get("name")), String.valueOf(pod.get("node"))));
		return placement;
	}

	private static ClusterDeclaration declaration(String yaml) {
		return new ManifestImporter().readDeclaration(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
			.declaration();
	}

}
