package io.trafficlab.manifest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ManifestImporter}: the bundled examples and the input formats.
 */
class ManifestImporterTests {

	private static final ServiceRef WEB = new ServiceRef("default", "web");

	private final ManifestImporter importer = new ManifestImporter();

	@ParameterizedTest
	@ValueSource(strings = { "two-pods-three-nodes.yaml", "uneven-3-1-0.yaml", "uneven-3-1-0-cluster.yaml",
			"six-replicas-spread.yaml", "kubectl-get-output.yaml" })
	void readWhenBundledExampleShouldLoadWithATitle(String example) throws IOException {
		String text = example(example);
		assertThat(text.lines().findFirst()).hasValueSatisfying((line) -> assertThat(line).matches("# title: \\S.*"));
		ImportedCluster imported = read(text);
		assertThat(imported.cluster().services()).isNotEmpty();
		assertThat(imported.cluster().pods()).isNotEmpty().allMatch((pod) -> pod.nodeName() != null);
	}

	@Test
	void readWhenSeedExampleShouldSpreadTwoPodsOverTwoNodes() throws IOException {
		Cluster cluster = read(example("two-pods-three-nodes.yaml")).cluster();
		assertThat(cluster.nodes()).extracting(Node::internalIp)
			.containsExactly("192.168.0.11", "192.168.0.12", "192.168.0.13");
		assertThat(cluster.pods()).extracting(Pod::nodeName).containsExactly("n1", "n2");
		Service web = cluster.services().get(0);
		assertThat(web.type()).isEqualTo(ServiceType.LOAD_BALANCER);
		assertThat(web.externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(web.primaryPort().targetPort()).isEqualTo("8080");
		assertThat(web.healthCheckNodePort()).isBetween(30000, 32767);
		assertThat(web.loadBalancerIps()).containsExactly("198.51.100.10");
		assertThat(cluster.endpointsOf(WEB)).hasSize(2).allMatch(Endpoint::ready);
	}

	@Test
	void readWhenUnevenExampleShouldGiveFourEndpointsOnN1N1N1N2() throws IOException {
		Cluster cluster = read(example("uneven-3-1-0.yaml")).cluster();
		Service web = cluster.services().get(0);
		assertThat(web.healthCheckNodePort()).isEqualTo(32000);
		assertThat(web.primaryPort().nodePort()).isEqualTo(30080);
		assertThat(web.loadBalancerIps()).containsExactly("198.51.100.10");
		assertThat(web.externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(cluster.endpointsOf(WEB)).extracting(Endpoint::nodeName).containsExactly("n1", "n1", "n1", "n2");
		assertThat(cluster.endpointsOf(WEB)).extracting(Endpoint::ip)
			.containsExactly("10.244.1.10", "10.244.1.11", "10.244.1.12", "10.244.2.10");
		assertThat(cluster.nodes()).extracting(Node::bridgeIp)
			.containsExactly("10.244.1.1", "10.244.2.1", "10.244.3.1");
	}

	@Test
	void readWhenUnevenClusterExampleShouldHaveNoHealthCheckPort() throws IOException {
		Cluster cluster = read(example("uneven-3-1-0-cluster.yaml")).cluster();
		Service web = cluster.services().get(0);
		assertThat(web.externalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
		assertThat(web.healthCheckNodePort()).isZero();
		assertThat(cluster.endpointsOf(WEB)).extracting(Endpoint::nodeName).containsExactly("n1", "n1", "n1", "n2");
	}

	@Test
	void readWhenSixReplicasSpreadShouldPutTwoOnEachNode() throws IOException {
		Cluster cluster = read(example("six-replicas-spread.yaml")).cluster();
		assertThat(cluster.pods()).extracting(Pod::nodeName).containsExactly("n1", "n2", "n3", "n1", "n2", "n3");
	}

	@Test
	void readWhenKubectlOutputShouldTakeEndpointSlicesAsTheTruth() throws IOException {
		ImportedCluster imported = read(example("kubectl-get-output.yaml"));
		Cluster cluster = imported.cluster();
		assertThat(cluster.nodes()).extracting(Node::name, Node::internalIp, Node::podCidr, Node::zone)
			.containsExactly(tuple("worker-1", "10.0.1.17", "10.244.0.0/24", "eu-west-1a"),
					tuple("worker-2", "10.0.2.23", "10.244.1.0/24", "eu-west-1b"),
					tuple("worker-3", "10.0.3.41", "10.244.2.0/24", "eu-west-1c"));
		assertThat(cluster.pods()).hasSize(4);
		Service web = cluster.services()
			.stream()
			.filter((service) -> service.ref().equals(WEB))
			.findFirst()
			.orElseThrow();
		assertThat(web.clusterIp()).isEqualTo("10.96.148.201");
		assertThat(web.healthCheckNodePort()).isEqualTo(30751);
		assertThat(web.primaryPort().nodePort()).isEqualTo(31380);
		assertThat(web.loadBalancerIps()).containsExactly("198.51.100.77");
		assertThat(cluster.endpointsOf(WEB)).extracting(Endpoint::ip, Endpoint::servingTerminating)
			.containsExactly(tuple("10.244.0.12", false), tuple("10.244.0.13", false), tuple("10.244.1.7", true));
		assertThat(cluster.endpointsOf(new ServiceRef("default", "kubernetes"))).extracting(Endpoint::ip)
			.containsExactly("10.0.0.10");
		assertThat(imported.warnings()).isEmpty();
	}

	@Test
	void readWhenMultiDocumentWithEmptyDocumentsShouldSkipThem() {
		ImportedCluster imported = read("""
				---
				# only a comment
				---
				apiVersion: v1
				kind: Pod
				metadata: {name: p1, labels: {app: web}}
				spec: {nodeName: n1}
				---
				---
				apiVersion: v1
				kind: Pod
				metadata: {name: p2, labels: {app: web}}
				spec: {nodeName: n2}
				...
				""");
		assertThat(imported.cluster().pods()).extracting(Pod::name).containsExactly("p1", "p2");
		assertThat(imported.cluster().nodes()).extracting(Node::name).containsExactly("n1", "n2");
	}

	@Test
	void readWhenTypedListShouldGiveItemsTheListsKind() {
		ImportedCluster imported = read("""
				apiVersion: v1
				kind: NodeList
				items:
				- metadata: {name: a}
				- metadata: {name: b}
				""");
		assertThat(imported.cluster().nodes()).extracting(Node::name).containsExactly("a", "b");
	}

	@Test
	void readWhenJsonObjectShouldReadIt() {
		ImportedCluster imported = read("""
				{
					"apiVersion": "v1",
					"kind": "Service",
					"metadata": {"name": "web"},
					"spec": {"type": "NodePort", "selector": {"app": "web"},
						"ports": [{"port": 80, "targetPort": "http"}]}
				}
				""");
		Service web = imported.cluster().services().get(0);
		assertThat(web.type()).isEqualTo(ServiceType.NODE_PORT);
		assertThat(web.primaryPort().targetPort()).isEqualTo("http");
	}

	@Test
	void readWhenJsonListShouldReadEveryItem() {
		ImportedCluster imported = read("""
				{"apiVersion": "v1", "kind": "List", "items": [
				  {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}},
				  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p1"}, "spec": {"nodeName": "n1"}}
				]}
				""");
		assertThat(imported.cluster().nodes()).extracting(Node::name).containsExactly("n1");
		assertThat(imported.cluster().pods()).extracting(Pod::name).containsExactly("p1");
	}

	@Test
	void readWhenUnknownFieldsShouldIgnoreThem() {
		ImportedCluster imported = read("""
				apiVersion: v1
				kind: Node
				metadata:
				  name: n1
				  futureMetadata: {x: 1}
				spec:
				  futureSpec: true
				status:
				  futureStatus: [1, 2]
				""");
		assertThat(imported.cluster().nodes()).extracting(Node::name).containsExactly("n1");
	}

	@Test
	void readWhenServiceHasAnnotationsShouldKeepThemForTheLoadBalancer() {
		ImportedCluster imported = read("""
				apiVersion: v1
				kind: Service
				metadata:
				  name: web
				  annotations:
				    networking.gke.io/weighted-load-balancing: pods-per-node
				spec:
				  type: LoadBalancer
				  externalTrafficPolicy: Local
				  selector: {app: web}
				  ports: [{port: 80}]
				""");
		assertThat(imported.cluster().services().get(0).annotations())
			.containsExactly(Map.entry("networking.gke.io/weighted-load-balancing", "pods-per-node"));
	}

	@Test
	void readWhenOtherKindsShouldWarnAndNameThem() {
		ImportedCluster imported = read("""
				apiVersion: v1
				kind: ConfigMap
				metadata: {name: settings}
				data: {a: b}
				---
				apiVersion: v1
				kind: Namespace
				metadata: {name: production}
				---
				apiVersion: v1
				kind: Endpoints
				metadata: {name: web, namespace: shop}
				---
				apiVersion: networking.k8s.io/v1
				kind: Ingress
				metadata: {name: web, namespace: shop}
				""");
		assertThat(imported.warnings()).startsWith(
				"ConfigMap default/settings is ignored: Traffic Lab reads only Nodes, Services, EndpointSlices, Pods, "
						+ "Deployments, ReplicaSets, StatefulSets and DaemonSets.",
				"Namespace production is ignored: Traffic Lab reads only Nodes, Services, EndpointSlices, Pods, "
						+ "Deployments, ReplicaSets, StatefulSets and DaemonSets.",
				"Endpoints shop/web is ignored: kube-proxy reads EndpointSlices, not Endpoints.",
				"Ingress shop/web is ignored: Traffic Lab reads only Nodes, Services, EndpointSlices, Pods, "
						+ "Deployments, ReplicaSets, StatefulSets and DaemonSets.");
	}

	@Test
	void readWhenManyOtherKindsShouldSummarizeTheRest() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 25; i++) {
			text.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append("}\n");
		}
		ImportedCluster imported = read(text.toString());
		assertThat(imported.warnings()).filteredOn((warning) -> warning.startsWith("ConfigMap")).hasSize(20);
		assertThat(imported.warnings())
			.contains("... and 5 more object(s) of kinds Traffic Lab does not read are ignored.");
	}

	@Test
	void readWhenServiceInvalidShouldRejectItAsTheApiServerWould() {
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> read("""
				apiVersion: v1
				kind: Service
				metadata: {name: web}
				spec:
				  externalTrafficPolicy: Local
				  ports: [{port: 80}]
				"""))
			.withMessage("Service \"web\" is invalid: spec.externalTrafficPolicy: Invalid value: \"Local\": may only "
					+ "be set for externally-accessible services");
	}

	@Test
	void readWhenRollingUpdateInvalidShouldRejectItAsTheApiServerWould() {
		String deployment = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web}
				spec:
				  selector: {matchLabels: {app: web}}
				  strategy:
				    rollingUpdate: {ROLLING}
				  template:
				    metadata: {labels: {app: web}}
				""";
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(() -> read(deployment.replace("ROLLING", "maxSurge: 0, maxUnavailable: 0")))
			.withMessage("Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid "
					+ "value: 0: may not be 0 when `maxSurge` is 0");
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(() -> read(deployment.replace("ROLLING", "maxSurge: 20Percent, maxUnavailable: 110%")))
			.withMessageContaining("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"110%\": must not be "
					+ "greater than 100%")
			.withMessageContaining("spec.strategy.rollingUpdate.maxSurge: Invalid value: \"20Percent\": a valid "
					+ "percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex "
					+ "used for validation is '[0-9]+%')");
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(() -> read(deployment.replace("ROLLING", "maxSurge: -1")))
			.withMessage("Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: "
					+ "-1: must be greater than or equal to 0");
		assertThat(read(deployment.replace("ROLLING", "maxSurge: 0, maxUnavailable: 100%"))).isNotNull();
		String recreate = deployment.replace("rollingUpdate: {ROLLING}", "type: Recreate");
		assertThat(read(recreate)).isNotNull();
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(
					() -> read(recreate.replace("type: Recreate", "type: Recreate\n    rollingUpdate: {maxSurge: 1}")))
			.withMessage("Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be "
					+ "specified when strategy `type` is 'Recreate'");
	}

	@Test
	void readWhenNodeHasNoNameShouldRejectItAsTheApiServerWould() {
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> read("""
				apiVersion: v1
				kind: Node
				metadata: {labels: {a: b}}
				"""))
			.withMessage("Node \"\" is invalid: metadata.name: Required value: name or generateName is required");
	}

	@Test
	void readWhenNothingDeclaredShouldGiveDefaultNodes() {
		ImportedCluster imported = read("");
		assertThat(imported.cluster().nodes()).extracting(Node::name).containsExactly("node-a", "node-b", "node-c");
		assertThat(imported.cluster().services()).isEmpty();
	}

	private ImportedCluster read(String text) {
		return this.importer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String example(String name) throws IOException {
		try (InputStream in = ManifestImporterTests.class.getResourceAsStream("/examples/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
