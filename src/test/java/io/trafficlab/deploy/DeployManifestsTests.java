package io.trafficlab.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of {@code deploy/}, read by Traffic Lab's own analyzer as a
 * user would paste them (deploy/README.md).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeployManifestsTests {

	private static final Path DEPLOY = Path.of("deploy");

	private static final String HAPROXY = "$.services[?(@.name == 'haproxy')]";

	/** Index i of the StatefulSet mints the i-th symbol (issue 17's contract). */
	private static final String SYMBOLS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final String REFERENCE_DEFAULT_SERVER = "    default-server check inter 2s fall 2 rise 2 maxconn 10000";

	/**
	 * What Kubernetes adds to the reference front: pods found by name, again after a
	 * restart.
	 */
	private static final String CLUSTER_DNS = " resolvers cluster resolve-prefer ipv4 init-addr none";

	private static final String CLUSTER_RESOLVERS = """
			# Kubernetes only (not in deploy/haproxy/haproxy.cfg): the servers are the StatefulSet's pods by name, looked up
			# in the cluster's DNS (this pod's /etc/resolv.conf) and again every 10 s, since a restarted pod has a new address;
			# init-addr none lets HAProxy start before the instances exist (a server without an address is down).
			resolvers cluster
			    parse-resolv-conf
			    hold valid 10s

			""";

	@Autowired
	private MockMvcTester mvc;

	@Test
	void analyzeWhenEachFileAloneShouldAnswerWithoutErrors() {
		assertThat(manifestFiles()).hasSizeGreaterThanOrEqualTo(6).allSatisfy((file) -> {
			MvcTestResult result = analyze(read(file));
			assertThat(result).as(file.toString()).hasStatusOk();
			assertThat(result).bodyJson().doesNotHavePath("$.errors");
		});
	}

	@Test
	void analyzeWhenAllFilesShouldIgnoreOnlyKindsWithoutTrafficWithAWarning() {
		List<String> ignored = warnings().stream()
			.filter((warning) -> warning
				.endsWith(" is ignored: Traffic Lab reads only Nodes, Services, EndpointSlices, "
						+ "Pods, Deployments, ReplicaSets, StatefulSets and DaemonSets."))
			.map((warning) -> warning.substring(0, warning.indexOf(' ')))
			.toList();
		assertThat(ignored).containsExactlyInAnyOrder("Namespace", "Secret", "ConfigMap", "ConfigMap", "Ingress");
	}

	@Test
	void analyzeWhenAllFilesShouldLeaveTheHeadlessServiceOutAndAnalyzeTheOthers() {
		assertThat(warnings()).contains(
				"Service traffic-lab/traffic-lab is headless (clusterIP: None), which kube-proxy ignores; it is left out.");
		assertThat(analyzeAll()).bodyJson()
			.extractingPath("$.services[*].name")
			.asArray()
			.containsExactlyInAnyOrder("rabbitmq", "haproxy", "haproxy-internal");
	}

	@Test
	void analyzeWhenAllFilesShouldSendTheHaproxyServiceOnlyToTheNodesThatRunHaproxy() {
		var json = assertThat(analyzeAll()).bodyJson();
		json.extractingPath(HAPROXY + ".externalTrafficPolicy").asArray().containsExactly("Local");
		json.extractingPath(HAPROXY + ".nodes[*].name").asArray().containsExactly("node-a", "node-b", "node-c");
		json.extractingPath(HAPROXY + ".nodes[*].healthCheck.status").asArray().containsExactly(200, 200, 503);
		json.extractingPath(HAPROXY + ".nodes[*].lbShare").asArray().containsExactly("1/2", "1/2", "0");
		json.extractingPath(HAPROXY + ".endpoints[*].externalShare").asArray().containsExactly("1/2", "1/2");
		json.extractingPath(HAPROXY + ".droppedShare").asArray().containsExactly("0");
	}

	@Test
	void analyzeWhenAllFilesShouldKeepTheClientsAddressAsFarAsHaproxy() {
		var json = assertThat(analyzeAll()).bodyJson();
		json.extractingPath(HAPROXY + ".loadBalancer.clientAddressKeptToNode").asArray().containsExactly(true);
		json.extractingPath(HAPROXY + ".endpoints[*].sourcesSeen['203.0.113.10']")
			.asArray()
			.containsExactly("1/2", "1/2");
	}

	@Test
	void haproxyConfigurationShouldBeTheReferenceWithOnlyTheClusterDnsAdded() {
		Path reference = DEPLOY.resolve("haproxy/haproxy.cfg");
		assertThat(reference).as("the reference front (helper h17c's branch)").exists();
		String expected = read(reference).replace(REFERENCE_DEFAULT_SERVER, REFERENCE_DEFAULT_SERVER + CLUSTER_DNS)
			.replace("\nfrontend web\n", "\n" + CLUSTER_RESOLVERS + "frontend web\n");
		assertThat(haproxyConfiguration()).contains(CLUSTER_DNS, CLUSTER_RESOLVERS).isEqualTo(expected);
	}

	@Test
	void haproxyShouldNameOneServerPerReplicaBySymbolInIndexOrder() {
		int replicas = document("30-traffic-lab.yaml", "StatefulSet").path("spec").path("replicas").asInt();
		Matcher servers = Pattern.compile("(?m)^\\s*server (\\S+) \"\\$\\{TRAFFICLAB_(\\S+)\\}\"$")
			.matcher(haproxyConfiguration());
		JsonNode env = document("40-haproxy.yaml", "Deployment").path("spec")
			.path("template")
			.path("spec")
			.path("containers")
			.path(0)
			.path("env");
		int index = 0;
		while (servers.find()) {
			String symbol = String.valueOf(SYMBOLS.charAt(index));
			assertThat(servers.group(1)).isEqualTo(symbol);
			assertThat(servers.group(2)).isEqualTo(symbol);
			assertThat(environmentValue(env, "TRAFFICLAB_" + symbol))
				.isEqualTo("traffic-lab-" + index + ".traffic-lab.traffic-lab.svc.cluster.local:8080");
			index++;
		}
		assertThat(index).isEqualTo(replicas).isEqualTo(2);
	}

	private static String haproxyConfiguration() {
		return document("40-haproxy.yaml", "ConfigMap").path("data").path("haproxy.cfg").asString();
	}

	private static String environmentValue(JsonNode env, String name) {
		return env.valueStream()
			.filter((variable) -> name.equals(variable.path("name").asString()))
			.map((variable) -> variable.path("value").asString())
			.findFirst()
			.orElse("(not set)");
	}

	private List<String> warnings() {
		byte[] body = analyzeAll().getResponse().getContentAsByteArray();
		return YAMLMapper.builder()
			.build()
			.readTree(body)
			.path("warnings")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
	}

	private MvcTestResult analyzeAll() {
		return analyze(manifestFiles().stream().map(DeployManifestsTests::read).collect(Collectors.joining("\n---\n")));
	}

	private MvcTestResult analyze(String manifests) {
		return this.mvc.post()
			.uri("/api/v1/analyze")
			.contentType("application/yaml")
			.content(manifests.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private static JsonNode document(String file, String kind) {
		List<JsonNode> documents = YAMLMapper.builder()
			.build()
			.readerFor(JsonNode.class)
			.<JsonNode>readValues(read(DEPLOY.resolve(file)))
			.readAll();
		return documents.stream()
			.filter((document) -> kind.equals(document.path("kind").asString()))
			.findFirst()
			.orElseThrow();
	}

	private static List<Path> manifestFiles() {
		try (Stream<Path> files = Files.walk(DEPLOY)) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
