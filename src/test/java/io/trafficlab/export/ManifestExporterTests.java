package io.trafficlab.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.RolloutStrategy;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationSettings;
import io.trafficlab.manifest.DeclaredManifests;
import io.trafficlab.manifest.DeclaredSetup;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export, then import: the same cluster, for every preset.
 */
class ManifestExporterTests {

	/** Node n1 and Service default/web in front of the pods labelled app=web. */
	private static final String N1_AND_WEB = """
			apiVersion: v1
			kind: Node
			metadata: {name: n1}
			---
			apiVersion: v1
			kind: Service
			metadata: {name: web, namespace: default}
			spec:
			  type: LoadBalancer
			  externalTrafficPolicy: Local
			  selector: {app: web}
			  ports: [{port: 80, targetPort: 8080}]
			""";

	static Stream<String> presets() {
		Resource[] resources;
		try {
			resources = new PathMatchingResourcePatternResolver().getResources("classpath*:presets/*.yaml");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return Arrays.stream(resources).map(ManifestExporterTests::text);
	}

	@ParameterizedTest
	@MethodSource("presets")
	void exportThenImportShouldGiveTheSameDeclaration(String preset) {
		ClusterDeclaration declaration = Simulation.start(read(preset), SimulationSettings.defaults()).declaration();
		String yaml = ManifestExporter.yaml(declaration);
		assertThat(read(yaml)).isEqualTo(declaration);
		assertThat(Simulation.start(read(yaml), SimulationSettings.defaults()).declaration()).isEqualTo(declaration);
	}

	@Test
	void exportThenImportShouldKeepEachPodsShutdown() {
		String yaml = N1_AND_WEB + """
				---
				apiVersion: v1
				kind: Pod
				metadata: {name: web-1, namespace: default, labels: {app: web}}
				spec:
				  nodeName: n1
				  terminationGracePeriodSeconds: 45
				  containers:
				  - name: web
				    image: nginx:1.27
				    lifecycle:
				      preStop:
				        exec: {command: ["/bin/sh", "-c", "sleep 20"]}
				  - name: proxy
				    image: envoyproxy/envoy:v1.31
				    args: ["--drain-time-s", "5"]
				    lifecycle:
				      preStop:
				        httpGet: {path: /drain, port: 9901}
				""";
		ClusterDeclaration declaration = read(yaml);
		assertThat(declaration.pods().get(0).shutdown().gracePeriodSeconds()).isEqualTo(45L);
		assertThat(declaration.pods().get(0).shutdown().containers()).hasSize(2);
		assertThat(read(ManifestExporter.yaml(declaration))).isEqualTo(declaration);
	}

	@Test
	void aDeploymentsRollingUpdateStrategyShouldBeReadAndExportedBack() {
		String yaml = """
				apiVersion: v1
				kind: Node
				metadata: {name: n1}
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web, namespace: default}
				spec:
				  replicas: 4
				  selector: {matchLabels: {app: web}}
				  strategy:
				    type: RollingUpdate
				    rollingUpdate: {maxSurge: 0, maxUnavailable: 50%}
				  template:
				    metadata: {labels: {app: web}}
				    spec:
				      containers: [{name: web, image: nginx:1.27}]
				""";
		ClusterDeclaration declaration = read(yaml);
		RolloutStrategy strategy = declaration.workloads().get(0).rolloutStrategy();
		assertThat(strategy).isEqualTo(new RolloutStrategy("0", "50%"));
		assertThat(strategy.surge(4)).isZero();
		assertThat(strategy.unavailable(4)).isEqualTo(2);
		assertThat(read(ManifestExporter.yaml(declaration))).isEqualTo(declaration);
	}

	@Test
	void aRecreateStrategyShouldSurviveImportAndExport() {
		ClusterDeclaration declaration = read("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web, namespace: default}
				spec:
				  replicas: 2
				  selector: {matchLabels: {app: web}}
				  strategy: {type: Recreate}
				  template:
				    metadata: {labels: {app: web}}
				""");
		assertThat(declaration.workloads().get(0).rolloutStrategy()).isEqualTo(RolloutStrategy.RECREATE);
		assertThat(ManifestExporter.yaml(declaration)).contains("Recreate").doesNotContain("rollingUpdate");
		assertThat(read(ManifestExporter.yaml(declaration)).workloads().get(0).rolloutStrategy())
			.isEqualTo(RolloutStrategy.RECREATE);
	}

	@ParameterizedTest
	@MethodSource("presets")
	void exportAfterCommandsShouldKeepThePlacementAndPolicy(String preset) {
		Simulation simulation = Simulation.start(read(preset), SimulationSettings.defaults());
		simulation
			.apply(new SimulationCommand.SetExternalTrafficPolicy(io.trafficlab.engine.model.TrafficPolicy.CLUSTER));
		ClusterDeclaration before = simulation.declaration();
		if (!before.pods().isEmpty()) {
			simulation.apply(new SimulationCommand.MovePod(before.pods().get(0).name(),
					before.nodes().get(before.nodes().size() - 1).name()));
		}
		simulation.advanceTo(simulation.now() + 1_000_000L, io.trafficlab.engine.simulation.EventSink.NONE);
		assertThat(
				Simulation.start(read(ManifestExporter.yaml(simulation.declaration())), SimulationSettings.defaults())
					.declaration())
			.isEqualTo(simulation.declaration());
		simulation.advanceTo(simulation.now() + 40_000_000L, io.trafficlab.engine.simulation.EventSink.NONE);
		ClusterDeclaration declaration = simulation.declaration();
		String yaml = ManifestExporter.yaml(declaration);
		assertThat(yaml).contains("externalTrafficPolicy: Cluster").doesNotContain("{}");
		assertThat(Simulation.start(read(yaml), SimulationSettings.defaults()).declaration()).isEqualTo(declaration);
	}

	@ParameterizedTest
	@EnumSource(LoadBalancerKind.class)
	void theLoadBalancerAndDataplaneShouldBeExportedAsARealClusterDeclaresThemAndReadBack(LoadBalancerKind kind) {
		ClusterDeclaration declaration = firstPreset();
		for (Dataplane dataplane : Dataplane.values()) {
			String yaml = ManifestExporter.yaml(declaration, kind, dataplane);
			assertThat(yaml).as(kind + " " + dataplane)
				.startsWith("# Traffic Lab sandbox: load balancer " + kind.apiName() + " (" + kind.label()
						+ "), dataplane " + dataplane.apiName() + ".");
			DeclaredManifests read = declared(yaml);
			DeclaredSetup expected = new DeclaredSetup(switch (kind) {
				case AWS_CLB, AZURE, GENERIC -> null;
				default -> kind;
			}, (dataplane == Dataplane.KUBE_PROXY) ? null : dataplane);
			assertThat(read.setup()).as(kind + " " + dataplane).isEqualTo(expected);
			assertThat(read.declaration().nodes()).isEqualTo(declaration.nodes());
			assertThat(read.declaration().pods()).isEqualTo(declaration.pods());
		}
	}

	@Test
	void theSandboxsChoiceShouldReplaceTheAnnotationsThatChooseAnotherLoadBalancer() {
		ClusterDeclaration declaration = firstPreset();
		String ipTargets = ManifestExporter.yaml(declaration, LoadBalancerKind.AWS_NLB_IP, Dataplane.KUBE_PROXY);
		assertThat(ipTargets).contains("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip")
			.contains("service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing");
		ClusterDeclaration annotated = read(ipTargets);
		String l2 = ManifestExporter.yaml(annotated, LoadBalancerKind.METALLB_L2, Dataplane.KUBE_PROXY);
		assertThat(l2).doesNotContain("aws-load-balancer")
			.contains("kind: IPAddressPool")
			.contains("kind: L2Advertisement")
			.contains("namespace: metallb-system");
		assertThat(declared(l2).setup().loadBalancer()).isEqualTo(LoadBalancerKind.METALLB_L2);
		assertThat(declared(l2).warnings())
			.anyMatch((warning) -> warning.startsWith("L2Advertisement traffic-lab names MetalLB (L2) (metallb-l2)"));
	}

	@Test
	void matchLabelKeysShouldBeReadAndExportedBack() {
		String yaml = N1_AND_WEB + """
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: web, namespace: default}
				spec:
				  replicas: 1
				  selector:
				    matchLabels: {app: web}
				  template:
				    metadata:
				      labels: {app: web}
				    spec:
				      topologySpreadConstraints:
				      - maxSkew: 1
				        topologyKey: kubernetes.io/hostname
				        whenUnsatisfiable: DoNotSchedule
				        labelSelector:
				          matchLabels: {app: web}
				        matchLabelKeys: [pod-template-hash]
				      containers:
				      - name: web
				        image: registry.k8s.io/e2e-test-images/agnhost:2.53
				""";
		ClusterDeclaration declaration = read(yaml);
		String exported = ManifestExporter.yaml(declaration);

		assertThat(exported).contains("matchLabelKeys:", "- pod-template-hash");
		assertThat(read(exported)).isEqualTo(declaration);
	}

	/** The declaration a simulation of the first preset starts from. */
	private static ClusterDeclaration firstPreset() {
		return Simulation.start(read(presets().findFirst().orElseThrow()), SimulationSettings.defaults()).declaration();
	}

	private static DeclaredManifests declared(String yaml) {
		return new ManifestImporter().readDeclaration(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	private static ClusterDeclaration read(String yaml) {
		return declared(yaml).declaration();
	}

	private static String text(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
