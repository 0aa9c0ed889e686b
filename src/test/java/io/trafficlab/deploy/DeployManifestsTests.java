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
	void haproxyConfigurationShouldNameOneServerPerReplicaBySymbolInIndexOrder() {
		JsonNode statefulSet = document("30-traffic-lab.yaml", "StatefulSet");
		int replicas = statefulSet.path("spec").path("replicas").asInt();
		String config = document("40-haproxy.yaml", "ConfigMap").path("data").path("haproxy.cfg").asString();
		Matcher servers = Pattern.compile(
				"(?m)^\\s*server (\\S+) traffic-lab-(\\d+)\\.traffic-lab\\.traffic-lab\\.svc\\.cluster\\.local:8080$")
			.matcher(config);
		String symbols = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		int count = 0;
		while (servers.find()) {
			int index = Integer.parseInt(servers.group(2));
			assertThat(index).isEqualTo(count);
			assertThat(servers.group(1)).isEqualTo(String.valueOf(symbols.charAt(index)));
			assertThat(config)
				.contains("use-server " + servers.group(1) + " if { var(txn.owner) -m str " + servers.group(1) + " }");
			count++;
		}
		assertThat(count).isEqualTo(replicas).isEqualTo(2);
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
